// `npm run schema:generate`: writes schema.json from the TypeScript types (see policy-schema.ts).
import { writeFileSync } from 'node:fs';
import { renderPolicySchema } from './policy-schema.js';

writeFileSync(new URL('../schema.json', import.meta.url), renderPolicySchema());
console.log('schema.json written');
