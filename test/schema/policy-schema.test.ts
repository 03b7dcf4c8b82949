// schema.json describes a policy file: generated from the TypeScript types, never edited by hand, and accepting
// every policy validateWorkflow accepts.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateWorkflow, type Workflow } from 'ticket-lifecycle';
import * as presets from 'ticket-lifecycle/presets';
import { ARBITRARY_GUARDS, arbitraryWorkflowConfig } from 'ticket-lifecycle/testing';
import { renderPolicySchema } from '../../scripts/policy-schema.js';

const onDisk = readFileSync(new URL('../../schema.json', import.meta.url), 'utf8');
const schema = JSON.parse(onDisk) as object;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

const presetWorkflows = Object.entries(presets)
  .filter(([, make]) => typeof make === 'function')
  .map(([name, make]) => [name, (make as () => Workflow)()] as const);

describe('schema.json', () => {
  it('is exactly what the generator derives from the TypeScript types (regenerate: npm run schema:generate)', () => {
    expect(onDisk).toBe(renderPolicySchema());
  }, 60_000); // builds a TypeScript program

  it('is a draft 2020-12 schema that compiles in ajv strict mode', () => {
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      additionalProperties: false,
    });
  });

  it.each(presetWorkflows)('accepts the config of the %s preset', (_name, workflow) => {
    const ok = validate(JSON.parse(JSON.stringify(workflow.config)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('accepts a file that names the schema in $schema, and so does validateWorkflow', () => {
    const file = {
      $schema: './node_modules/ticket-lifecycle/schema.json',
      statuses: [{ id: 'open', category: 'open' }],
    };
    expect(validate(file)).toBe(true);
    expect(validateWorkflow(file).ok).toBe(true);
    expect(validateWorkflow({ ...file, $schema: 42 })).toMatchObject({
      ok: false,
      issues: [{ path: '$schema', code: 'invalidType' }],
    });
  });

  it('refuses what validateWorkflow refuses for its shape: unknown fields, wrong categories, bad durations', () => {
    const bad = [
      { statuses: [{ id: 'open', category: 'open', colour: 'red' }] },
      { statuses: [{ id: 'open', category: 'opened' }] },
      {
        statuses: [{ id: 'open', category: 'open' }],
        timers: [{ id: 't', in: 'open', after: 'P1M', action: 'remind' }],
      },
      { statuses: [{ id: 'open', category: 'open' }], timers: [{ id: 't', in: 'open', after: 'P1D', action: 'move' }] },
      { statuses: [{ id: 'open', category: 'open' }], replies: [{ by: 'robot' }] },
    ];
    for (const config of bad) {
      expect(validate(config), JSON.stringify(config)).toBe(false);
      expect(validate.errors?.[0]?.instancePath).toMatch(/^\/(statuses|timers|replies)\/0/);
      expect(validateWorkflow(config).ok).toBe(false);
    }
  });

  it('leaves references between statuses to validateWorkflow (documented in docs/policy-files.md)', () => {
    const dangling = { statuses: [{ id: 'open', category: 'open' }], replies: [{ by: 'agent', to: 'nowhere' }] };
    expect(validate(dangling)).toBe(true);
    expect(validateWorkflow(dangling)).toMatchObject({ ok: false, issues: [{ code: 'unknownStatus' }] });
  });

  it('property: every config validateWorkflow accepts is valid under the schema', () => {
    fc.assert(
      fc.property(arbitraryWorkflowConfig(), (config) => {
        if (!validateWorkflow(config, { guards: ARBITRARY_GUARDS }).ok) return;
        const ok = validate(JSON.parse(JSON.stringify(config)));
        expect(validate.errors ?? []).toEqual([]);
        expect(ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
