// Mermaid's state-diagram grammar reads these as keywords where a state id is expected.
const KEYWORDS = new Set([
  'state',
  'note',
  'end',
  'class',
  'classdef',
  'style',
  'linkstyle',
  'click',
  'call',
  'href',
  'callback',
  'direction',
  'as',
  'fork',
  'join',
  'choice',
  'concurrent',
  'hide',
  'empty',
  'description',
  'scale',
  'acctitle',
  'accdescr',
  'default',
  'statediagram',
  'left',
  'right',
  'of',
  'graph',
  'flowchart',
]);

const SAFE_ID = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * A Mermaid-safe id for every status, in the same order. Ids that Mermaid reads as they are stay as they are
 * (the diagram source stays readable); the others (with `-`, `.` or `:`, starting with a digit, or a keyword such
 * as `end` or `state`) become `s_` plus the id with those characters replaced, and a numeric suffix if that
 * collides with another id.
 */
export function mermaidIds(statusIds: readonly string[]): Map<string, string> {
  const safe = (id: string): boolean => SAFE_ID.test(id) && !KEYWORDS.has(id.toLowerCase());
  const taken = new Set(statusIds.filter(safe).map((id) => id.toLowerCase()));
  const ids = new Map<string, string>();
  for (const id of statusIds) {
    if (safe(id)) {
      ids.set(id, id);
      continue;
    }
    const base = `s_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let alias = base;
    for (let n = 2; taken.has(alias.toLowerCase()); n++) alias = `${base}_${n}`;
    ids.set(id, alias);
    taken.add(alias.toLowerCase());
  }
  return ids;
}

/**
 * Text for a state description or a transition label: Mermaid's entity codes for the characters its grammar
 * would read (`"`, `;`, `#`, `<`, `>`), and line breaks flattened.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/[#;"<>]/g, (c) => ENTITIES[c]!)
    .replace(/[\r\n]+/g, ' ')
    .trim();
}

const ENTITIES: Readonly<Record<string, string>> = {
  '#': '#35;',
  ';': '#59;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
};
