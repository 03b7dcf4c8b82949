// Every preset checks its options the same way (docs/presets.md#what-every-preset-shares): an option it does not
// know, or a value of the wrong type, is refused with one WorkflowError whose issues have the code invalidOption.
import { describe, expect, it } from 'vitest';
import { WorkflowError, type Workflow } from 'ticket-lifecycle';
import * as presets from 'ticket-lifecycle/presets';
import { expectInvalidOption } from './helpers.js';

/** Every preset, called as plain JavaScript or JSON would call it: with anything at all. */
const ALL = Object.entries(presets).filter(([, make]) => typeof make === 'function') as [
  string,
  (options?: unknown) => Workflow,
][];

describe('preset options (docs/presets.md#what-every-preset-shares)', () => {
  it('covers all nine presets', () => {
    expect(ALL.map(([name]) => name).sort()).toEqual([
      'chatwoot',
      'freshdesk',
      'helpScout',
      'jiraServiceManagement',
      'liveAgent',
      'osTicket',
      'tawkTo',
      'zammad',
      'zendesk',
    ]);
  });

  it.each(ALL)('%s: builds with no options and with an empty object', (_name, preset) => {
    expect(preset().statuses.length).toBeGreaterThan(0);
    expect(preset({}).statuses).toEqual(preset().statuses);
  });

  it.each(ALL)('%s: refuses an option it does not know, naming it', (_name, preset) => {
    expectInvalidOption(() => preset({ closeAfterDays: 4 }), 'closeAfterDays');
  });

  it.each(ALL)('%s: refuses options that are not an object', (_name, preset) => {
    for (const options of [null, 'P4D', 7, ['closeAfter'], true]) expectInvalidOption(() => preset(options), '');
  });

  it.each(ALL)(
    '%s: refuses an unknown name even when its value is undefined (it is still a misspelling)',
    (_name, preset) => {
      expectInvalidOption(() => preset({ anything: undefined }), 'anything');
    },
  );

  it('treats a known option given as undefined as absent, as a default parameter would', () => {
    expect(presets.zendesk({ closeAfter: undefined }).config).toEqual(presets.zendesk().config);
    expect(presets.liveAgent({ autoCloseAfter: undefined, reminders: undefined }).config).toEqual(
      presets.liveAgent().config,
    );
  });

  it('reports every problem at once, unknown names and bad values together', () => {
    let error: unknown;
    try {
      presets.chatwoot({ autoResolveAfter: 'soon', botActive: 'yes', autoResolve: true } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkflowError);
    expect((error as WorkflowError).issues.map((i) => [i.path, i.code])).toEqual([
      ['autoResolve', 'invalidOption'],
      ['autoResolveAfter', 'invalidOption'],
      ['botActive', 'invalidOption'],
    ]);
  });

  it('reads only own properties, so an inherited key is neither used nor refused', () => {
    const inherited = Object.create({ closeAfter: 'PT1M', bogus: true }) as object;
    expect(presets.zendesk(inherited).statuses).toEqual(presets.zendesk().statuses);
  });
});
