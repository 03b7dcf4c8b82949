import {
  createTicket,
  nextDeadline,
  transition,
  type CreateTicketInput,
  type Ticket,
  type TicketEvent,
} from 'ticket-lifecycle';
import { CliError, type ExitCode, type Output } from './errors.js';
import { loadWorkflow } from './load-policy.js';
import { parseJson, readTextFile } from './read-file.js';
import { describeEffect, describeEvent, when } from './timeline.js';

/**
 * `ticket-lifecycle simulate <policy> <events.jsonl>`: one ticket through the events of a JSON Lines file, printed
 * as a timeline with each event's effects and the next deadline. An optional first line
 * `{"type":"create","at":…,"by"?,"channel"?,"assignee"?}` creates the ticket; otherwise the customer creates it at
 * the first event's time. Refused events are shown with their code (a refusal is an outcome, so the exit code stays 0).
 */
export async function simulate(policyArgument: string, eventsPath: string, io: Output): Promise<ExitCode> {
  const workflow = await loadWorkflow(policyArgument);
  const lines = readTextFile(eventsPath, 'events file')
    .split('\n')
    .map((text, index) => ({ text: text.trim(), number: index + 1 }))
    .filter((line) => line.text !== '');
  const records = lines.map(({ text, number }) => {
    const value = parseJson(text, `${eventsPath}:${number}`);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new CliError(`${eventsPath}:${number}: an event must be a JSON object`);
    return value as Record<string, unknown>;
  });
  if (records.length === 0) throw new CliError(`${eventsPath} has no events`);
  const create = records[0]!.type === 'create' ? records.shift()! : { at: records[0]!.at };
  let ticket: Ticket;
  try {
    const { type: _type, ...input } = create;
    ticket = createTicket(workflow, input as unknown as CreateTicketInput);
  } catch (error) {
    throw new CliError(`${eventsPath}:${lines[0]!.number}: cannot create the ticket: ${(error as Error).message}`);
  }
  io.out(`${when(ticket.createdAt)}  ticket created → ${ticket.status}${deadline(nextDeadline(workflow, ticket))}`);
  let refused = 0;
  for (const record of records) {
    const event = record as unknown as TicketEvent;
    const result = transition(workflow, ticket, event);
    const at = typeof record.at === 'number' ? when(record.at) : String(record.at);
    if (!result.ok) {
      refused += 1;
      io.out(`${at}  ${describeEvent(event)}: refused, ${result.error.code} (${result.error.message})`);
      continue;
    }
    ticket = result.ticket;
    io.out(`${at}  ${describeEvent(event)} → ${ticket.status}${deadline(nextDeadline(workflow, ticket))}`);
    for (const effect of result.effects) io.out(`${' '.repeat(at.length)}    ${describeEffect(effect)}`);
  }
  io.out(
    `final: ${ticket.status}, version ${ticket.version}${refused > 0 ? `, ${refused} event${refused === 1 ? '' : 's'} refused` : ''}`,
  );
  return 0;
}

const deadline = (at: number | null): string => (at === null ? '' : `  (next deadline ${when(at)})`);
