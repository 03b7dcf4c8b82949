import { describe, expectTypeOf, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, defineWorkflow, type CalendarConfig, type OpenInterval } from 'ticket-lifecycle';

const office: OpenInterval[] = [['09:00', '13:00'], ['14:00', '18:00']];
const wf = defineWorkflow({
  statuses: [{ id: 'open', category: 'open' }, { id: 'closed', category: 'closed' }],
  calendars: { office: { timeZone: 'Europe/Rome', week: { mon: office, fri: [['09:00', '13:00']] }, holidays: ['2026-12-25'] } },
  timers: [{ id: 'close', in: 'open', after: 'P3D', action: 'move', to: 'closed', calendar: 'office' }],
});

describe('calendars', () => {
  it('the helpers answer epoch ms, or null for bad input', () => {
    expectTypeOf(addBusinessTime(wf, 'office', 0, 'PT4H')).toEqualTypeOf<number | null>();
    expectTypeOf(businessTimeBetween(wf, 'office', 0, 1)).toEqualTypeOf<number | null>();
  });

  it('refuses what is not a calendar at compile time', () => {
    // @ts-expect-error weekdays are mon … sun
    const longNames: CalendarConfig = { timeZone: 'UTC', week: { monday: office } };
    // @ts-expect-error an interval is a pair
    const triple: OpenInterval = ['09:00', '12:00', '13:00'];
    // @ts-expect-error a zone is required
    const zoneless: CalendarConfig = { week: { mon: office } };
    // Never called: only the type check matters.
    // @ts-expect-error a timer names its calendar by id
    const numbered = () => defineWorkflow({ statuses: [{ id: 'open', category: 'open' }], timers: [{ id: 't', in: 'open', after: 'PT1H', action: 'remind', calendar: 7 }] });
    expectTypeOf([longNames, triple, zoneless, numbered]).not.toBeNever();
  });
});
