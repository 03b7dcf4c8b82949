import fc from 'fast-check';
import {
  ACTORS,
  CATEGORIES,
  validateWorkflow,
  type Actor,
  type ActionRule,
  type CalendarConfig,
  type OpenInterval,
  type Category,
  type GuardPredicate,
  type ReplyRule,
  SLA_METRICS,
  type SlaPolicyConfig,
  type StatusConfig,
  type TimerAnchor,
  type TimerConfig,
  type Workflow,
  type WorkflowConfig,
} from 'ticket-lifecycle';

/**
 * How large the random policies get.
 *
 * @example
 * ```ts
 * import type { ArbitraryWorkflowOptions } from 'ticket-lifecycle/testing';
 * const small: ArbitraryWorkflowOptions = { maxStatusesPerCategory: 2, maxRules: 4, maxTimers: 2 };
 * ```
 */
export interface ArbitraryWorkflowOptions {
  /** Default 3. */
  readonly maxStatusesPerCategory?: number;
  /** Reply rules at most. Default 8. */
  readonly maxRules?: number;
  /** Timers at most. Default 4. */
  readonly maxTimers?: number;
  /** SLA policies at most (`sla`). Default 2. */
  readonly maxSlaPolicies?: number;
}

/**
 * The named guard random policies may use: deterministic, so runs replay exactly.
 *
 * @example
 * ```ts
 * import { validateWorkflow } from 'ticket-lifecycle';
 * import { ARBITRARY_GUARDS } from 'ticket-lifecycle/testing';
 * // Compile a generated config yourself, with the guard its rules may name:
 * const result = validateWorkflow({ statuses: [{ id: 'open', category: 'open' }], close: { guards: 'assigned' } }, { guards: ARBITRARY_GUARDS });
 * ```
 */
export const ARBITRARY_GUARDS: Readonly<Record<string, GuardPredicate>> = {
  assigned: (ticket) => ticket.assignee !== null,
};

const MINUTE = 60_000;
const DAY = 86_400_000;
const ANCHORS: readonly TimerAnchor[] = [
  'statusEntered',
  'lastCustomerMessage',
  'lastAgentMessage',
  'lastActivity',
  'created',
];
const durations = fc.constantFrom(MINUTE, 30 * MINUTE, 2 * 60 * MINUTE, DAY, 3 * DAY, 7 * DAY);
const actors = fc.subarray([...ACTORS] as Actor[], { minLength: 1 });
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

/** The attributes random policies speak of: `arbitraryEvents` updates tickets with the same vocabulary. */
const ARBITRARY_PRIORITIES = ['low', 'normal', 'urgent'] as const;
const ARBITRARY_GROUPS = ['tier-1', 'tier-2'] as const;
const ARBITRARY_TAGS = ['vip', 'spam'] as const;

/** Drops the keys whose value is `undefined` (optional fields left out, as a policy author would). */
const defined = <T extends object>(obj: T): T =>
  Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;

const some = <T>(values: readonly T[]): fc.Arbitrary<T[]> => fc.subarray([...values], { minLength: 1 });

/** A random `when` (about one rule or timer in four has one), over every attribute and tag condition. */
const when: fc.Arbitrary<Record<string, unknown> | undefined> = fc.option(
  fc
    .record({
      priority: maybe(some([...ARBITRARY_PRIORITIES, null])),
      group: maybe(some([...ARBITRARY_GROUPS, null])),
      channel: maybe(some(['chat', 'email', null])),
      tags: maybe(
        fc
          .record({
            any: maybe(some(ARBITRARY_TAGS)),
            all: maybe(some(ARBITRARY_TAGS)),
            none: maybe(some(ARBITRARY_TAGS)),
          })
          .map(defined),
      ),
    })
    .map(defined),
  { nil: undefined, freq: 3 },
);

/** `rule` with a random `when` now and then. */
const withWhen = <T extends object>(rule: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.tuple(rule, when).map(([r, w]) => (w === undefined ? r : { ...r, when: w }));

/** A timer's escalation `set`, now and then. */
const set = fc.option(
  fc
    .record({
      assignee: maybe(fc.constantFrom('ana', null)),
      group: maybe(fc.constantFrom(...ARBITRARY_GROUPS, null)),
      priority: maybe(fc.constantFrom(...ARBITRARY_PRIORITIES, null)),
    })
    .map(defined)
    .filter((s) => Object.keys(s).length > 0),
  { nil: undefined, freq: 4 },
);

const week = (days: string, open: readonly OpenInterval[]): CalendarConfig['week'] =>
  Object.fromEntries(days.split(' ').map((d) => [d, open]));
/**
 * Calendars random timers may count in: 24/7 (where open time is plain time), office hours across DST changes
 * with a holiday, and the awkward ones (a 30-minute DST shift; a night interval that a DST jump cuts).
 */
const CALENDARS: Readonly<Record<string, CalendarConfig>> = {
  always: { timeZone: 'Europe/Rome', week: week('mon tue wed thu fri sat sun', [['00:00', '24:00']]) },
  office: {
    timeZone: 'America/New_York',
    week: week('mon tue wed thu fri', [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ]),
    holidays: ['2026-07-03'],
  },
  night: { timeZone: 'Australia/Lord_Howe', week: { sat: [['22:00', '24:00']], sun: [['01:30', '02:30']] } },
};
const calendarIds = Object.keys(CALENDARS);

interface Shape {
  readonly statuses: readonly StatusConfig[];
  /** A random rank per status: timer moves only go up in rank, so timers can never cycle. */
  readonly rank: ReadonlyMap<string, number>;
}

function arbitraryShape(maxPerCategory: number): fc.Arbitrary<Shape> {
  const count = (category: Category): fc.Arbitrary<number> =>
    fc.integer({ min: category === 'open' ? 1 : 0, max: category === 'new' ? 1 : maxPerCategory });
  return fc
    .tuple(
      ...CATEGORIES.map((c) =>
        fc.tuple(count(c), fc.nat(), fc.array(fc.boolean(), { minLength: maxPerCategory, maxLength: maxPerCategory })),
      ),
    )
    .chain((perCategory) => {
      const statuses: StatusConfig[] = [];
      perCategory.forEach(([n, defaultPick, paused], c) => {
        const category = CATEGORIES[c]!;
        for (let i = 0; i < n; i++) {
          statuses.push({
            id: `${category}_${i}`,
            category,
            default: i === defaultPick % n,
            slaPaused: paused[i] ?? false,
          });
        }
      });
      return fc.array(fc.nat(1000), { minLength: statuses.length, maxLength: statuses.length }).map((ranks) => ({
        statuses,
        rank: new Map(statuses.map((s, i) => [s.id, ranks[i]! * 1000 + i])),
      }));
    });
}

function selector(statuses: readonly StatusConfig[]): fc.Arbitrary<{ from?: string[]; fromCategory?: Category[] }> {
  const inUse = [...new Set(statuses.map((s) => s.category))];
  return fc.oneof(
    fc.constant({}),
    fc
      .subarray(
        statuses.map((s) => s.id),
        { minLength: 1 },
      )
      .map((from) => ({ from })),
    fc.subarray(inUse, { minLength: 1 }).map((fromCategory) => ({ fromCategory })),
  );
}

function replyRule(statuses: readonly StatusConfig[], working: readonly string[]): fc.Arbitrary<ReplyRule> {
  const ids = statuses.map((s) => s.id);
  return withWhen(
    fc
      .tuple(selector(statuses), actors, fc.constantFrom(...ids), fc.constantFrom(...working))
      .chain(([from, by, to, reopenTo]) =>
        fc.oneof(
          fc.constant<ReplyRule>({ ...from, by, to }),
          fc.constant<ReplyRule>({ ...from, by, action: 'stay' }),
          fc.constant<ReplyRule>({ ...from, by, action: 'followUp' }),
          fc.constant<ReplyRule>({ ...from, by, action: 'reject' }),
          fc
            .record({
              to: maybe(fc.constant(reopenTo)),
              within: maybe(durations),
              otherwise: fc.constantFrom('followUp', 'reject', 'stay') as fc.Arbitrary<'followUp' | 'reject' | 'stay'>,
            })
            .map(
              ({ to, within, otherwise }): ReplyRule => ({
                ...from,
                by,
                action: 'reopen',
                ...(to !== undefined && { to }),
                ...(within !== undefined && { within, otherwise }),
              }),
            ),
        ),
      ),
  );
}

function actionRule(statuses: readonly StatusConfig[]): fc.Arbitrary<ActionRule> {
  return fc
    .record({
      when,
      from: selector(statuses),
      by: maybe(actors),
      waits: fc.boolean(),
      assignee: fc.boolean(),
      guard: fc.boolean(),
      forceBy: maybe(actors),
    })
    .map(({ from, by, waits, assignee, guard, forceBy, when: w }) => ({
      ...from,
      ...(w && { when: w }),
      ...(by && { by }),
      ...(waits && { notWhileCustomerWaits: true }),
      ...(assignee && { requireAssignee: true }),
      ...(guard && { guards: ['assigned'] }),
      ...(forceBy && { forceBy }),
    }));
}

function timer(shape: Shape, index: number): fc.Arbitrary<TimerConfig | null> {
  const ids = shape.statuses.map((s) => s.id);
  return fc
    .record({
      inStatuses: fc.subarray(ids, { minLength: 1, maxLength: Math.min(3, ids.length) }),
      anchors: fc.subarray([...ANCHORS], { minLength: 1 }),
      untilOnly: fc.boolean(),
      after: durations,
      skip: fc.boolean(),
      move: fc.boolean(),
      to: fc.constantFrom(...ids),
      restore: fc.boolean(),
      reminders: fc.array(durations, { maxLength: 2 }),
      repeat: maybe(durations),
      bypass: fc.boolean(),
      calendar: fc.option(fc.constantFrom(...calendarIds), { nil: undefined, freq: 3 }),
      when,
      set,
    })
    .map((t): TimerConfig | null => {
      const base = {
        id: `t${index}`,
        in: t.inStatuses,
        ...(t.untilOnly ? { since: 'until' as const } : { since: t.anchors, after: t.after }),
        ...(t.skip && { skipWhileCustomerWaits: true }),
        ...(t.calendar !== undefined && { calendar: t.calendar }),
        ...(t.when !== undefined && { when: t.when }),
        ...(t.set !== undefined && { set: t.set }),
      };
      if (!t.move) return { ...base, action: 'remind', ...(t.repeat !== undefined && { repeatEvery: t.repeat }) };
      // Moves only climb in rank (and never into their own statuses), so no policy has a timer cycle.
      const top = Math.max(...t.inStatuses.map((s) => shape.rank.get(s)!));
      if (shape.rank.get(t.to)! <= top) return null;
      const restorable = ids.filter((s) => shape.rank.get(s)! > top);
      return {
        ...base,
        action: 'move',
        to: t.to,
        reminders: t.reminders,
        ...(t.restore && { restorePrevious: restorable }),
        ...(t.bypass && { bypassGuards: true }),
      };
    });
}

/**
 * `timers` without the `set` entries a policy reader refuses (`conflictingSet`): a repeating reminder keeps an
 * attribute's value only when no earlier repeating reminder of a shared status sets it to another value.
 */
function withoutConflictingSets(timers: readonly TimerConfig[]): TimerConfig[] {
  const values = new Map<string, unknown>(); // `${status} ${attribute}` → value
  return timers.map((t) => {
    if (t.action !== 'remind' || t.repeatEvery === undefined || t.set === undefined) return t;
    const statuses = [t.in ?? []].flat() as string[];
    const kept = Object.entries(t.set).filter(([key, value]) =>
      statuses.every((s) => !values.has(`${s} ${key}`) || values.get(`${s} ${key}`) === value),
    );
    for (const [key, value] of kept) for (const s of statuses) values.set(`${s} ${key}`, value);
    const { set: _dropped, ...rest } = t;
    return kept.length === 0 ? rest : { ...t, set: Object.fromEntries(kept) };
  });
}

/**
 * A random SLA policy: sometimes for one channel only, one to four targets, sometimes a calendar, a warning lead time (sometimes longer than a
 * target: that target then has no warning) and pause overrides.
 */
function slaPolicy(statuses: readonly StatusConfig[], index: number): fc.Arbitrary<SlaPolicyConfig> {
  const pauseRule = fc.oneof(
    fc
      .subarray(
        statuses.map((s) => s.id),
        { minLength: 1 },
      )
      .map((ids) => ({ in: ids })),
    fc.subarray([...new Set(statuses.map((s) => s.category))], { minLength: 1 }).map((inCategory) => ({ inCategory })),
  );
  return fc
    .record({
      metrics: fc.subarray([...SLA_METRICS], { minLength: 1, maxLength: 4 }),
      lengths: fc.array(durations, { minLength: 4, maxLength: 4 }),
      calendar: fc.option(fc.constantFrom(...calendarIds), { nil: undefined, freq: 3 }),
      warnBefore: maybe(durations),
      when: maybe(fc.constantFrom({ channel: 'chat' }, { channel: [null] })),
      pause: maybe(fc.dictionary(fc.constantFrom('all', ...SLA_METRICS), pauseRule, { maxKeys: 2 })),
    })
    .map(
      ({ metrics, lengths, calendar, warnBefore, when, pause }): SlaPolicyConfig => ({
        id: `sla${index}`,
        ...(when !== undefined && { when }),
        targets: Object.fromEntries(metrics.map((m, i) => [m, lengths[i]!])),
        ...(calendar !== undefined && { calendar }),
        ...(warnBefore !== undefined && { warnBefore }),
        ...(pause !== undefined && { pause }),
      }),
    );
}

/**
 * Random valid policy configs: statuses in every category (with reopen targets, required `until`s and SLA
 * flags), per-channel start statuses, reply rules of every action, guards, status-change allow-lists with targets,
 * assignment moves, timers with anchors, reminders, repeats, snooze wake-ups, customer-wait pauses and
 * business-hours calendars, and SLA policies with targets, warnings, calendars and pause overrides. Every config it yields passes `validateWorkflow` with {@link ARBITRARY_GUARDS}.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { arbitraryWorkflowConfig } from 'ticket-lifecycle/testing';
 * const [config] = fc.sample(arbitraryWorkflowConfig(), 1);
 * ```
 */
export function arbitraryWorkflowConfig(options: ArbitraryWorkflowOptions = {}): fc.Arbitrary<WorkflowConfig> {
  const { maxStatusesPerCategory = 3, maxRules = 8, maxTimers = 4, maxSlaPolicies = 2 } = options;
  return arbitraryShape(maxStatusesPerCategory).chain((shape) => {
    const ids = shape.statuses.map((s) => s.id);
    const working = shape.statuses.filter((s) => s.category !== 'solved' && s.category !== 'closed').map((s) => s.id);
    const timers = fc
      .integer({ min: 0, max: maxTimers })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => timer(shape, i))));
    return fc
      .record({
        replies: fc.array(replyRule(shape.statuses, working), { maxLength: maxRules }),
        assignments: fc.array(
          fc.tuple(selector(shape.statuses), fc.constantFrom(...ids)).map(([from, to]) => ({ ...from, to })),
          { maxLength: 2 },
        ),
        statusChanges: maybe(
          fc.array(
            fc
              .tuple(selector(shape.statuses), selector(shape.statuses), maybe(actors), fc.boolean(), when)
              .map(([from, target, by, guarded, w]) => ({
                ...from,
                ...(w && { when: w }),
                ...(target.from && { to: target.from }),
                ...(target.fromCategory && { toCategory: target.fromCategory }),
                ...(by && { by }),
                ...(guarded && { guards: ['assigned'] }),
              })),
            { minLength: 1, maxLength: 3 },
          ),
        ),
        resolve: maybe(
          fc
            .array(fc.tuple(actionRule(shape.statuses), fc.boolean()), { minLength: 1, maxLength: 2 })
            .map((rules) => rules.map(([rule, solver]) => (solver ? { ...rule, assignSolver: true } : rule))),
        ),
        close: maybe(fc.array(actionRule(shape.statuses), { minLength: 1, maxLength: 2 })),
        snooze: maybe(fc.array(actionRule(shape.statuses), { minLength: 1, maxLength: 2 })),
        reopen: maybe(fc.array(actionRule(shape.statuses), { minLength: 1, maxLength: 2 })),
        assign: maybe(
          fc.array(
            fc
              .tuple(actionRule(shape.statuses), fc.boolean())
              .map(([rule, keep]) => (keep ? { ...rule, keepAssignee: true } : rule)),
            { minLength: 1, maxLength: 2 },
          ),
        ),
        timers,
        reopenAssignee: maybe(fc.constantFrom<'keep' | 'clear'>('keep', 'clear')),
        update: maybe(fc.array(actionRule(shape.statuses), { minLength: 1, maxLength: 2 })),
        groups: fc.option(fc.constant([...ARBITRARY_GROUPS]), { nil: undefined }),
        sla: fc
          .integer({ min: 0, max: maxSlaPolicies })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => slaPolicy(shape.statuses, i)))),
        reopenTo: fc.array(maybe(fc.constantFrom(...working)), { minLength: ids.length, maxLength: ids.length }),
        requireUntil: fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
        initialByChannel: maybe(fc.constantFrom(...working).map((status) => ({ chat: status }))),
      })
      .map(({ timers: drafted, sla, reopenTo, requireUntil, ...rules }) => {
        const timerList = withoutConflictingSets(drafted.filter((t): t is TimerConfig => t !== null));
        const countsToUntil = new Set(timerList.filter((t) => t.since === 'until').flatMap((t) => [t.in ?? []].flat()));
        // Per-status options that only mean something where they apply: a reopen target on solved/closed statuses,
        // and a required `until` where a timer counts to it.
        const statuses = shape.statuses.map((status, i) => ({
          ...status,
          ...(reopenTo[i] !== undefined &&
            (status.category === 'solved' || status.category === 'closed') && { reopenTo: reopenTo[i] }),
          ...(requireUntil[i] === true && countsToUntil.has(status.id) && { requireUntil: true }),
        }));
        const config: Record<string, unknown> = { statuses, timers: timerList, priorities: [...ARBITRARY_PRIORITIES] };
        if (sla.length > 0) config.sla = sla;
        const used = new Set([...timerList, ...sla].flatMap((t) => (t.calendar === undefined ? [] : [t.calendar])));
        if (used.size > 0) config.calendars = Object.fromEntries([...used].map((id) => [id, CALENDARS[id]]));
        for (const [key, value] of Object.entries(rules)) if (value !== undefined) config[key] = value;
        return config as unknown as WorkflowConfig;
      });
  });
}

/**
 * Random compiled workflows, ready for `transition`: {@link arbitraryWorkflowConfig} through `validateWorkflow`.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { createTicket } from 'ticket-lifecycle';
 * import { arbitraryWorkflow } from 'ticket-lifecycle/testing';
 * fc.assert(fc.property(arbitraryWorkflow(), (wf) => createTicket(wf, { at: 0 }).status === wf.initial));
 * ```
 */
export function arbitraryWorkflow(options: ArbitraryWorkflowOptions = {}): fc.Arbitrary<Workflow> {
  return arbitraryWorkflowConfig(options)
    .map((config) => validateWorkflow(config, { guards: ARBITRARY_GUARDS }))
    .filter((r): r is { ok: true; workflow: Workflow } => r.ok)
    .map((r) => r.workflow);
}
