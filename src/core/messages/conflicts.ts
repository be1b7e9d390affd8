import type { Catalog } from './types.js';

// Diagnostics of the conflict check (src/routine/check-conflicts.ts).
export const conflictMessages: Catalog = {
  sv: {
    'diag.conflict':
      '"{a}" och "{b}" är markerade som motstridiga men kan hamna på samma väg genom rutinen; "{b}" står vid {other}',
    'diag.unknown-conflict': 'okänd checklistpunkt "{item}" under conflicts: den finns inte i rutinen eller i dess moduler',
  },
  en: {
    'diag.conflict':
      '"{a}" and "{b}" are marked as conflicting but can both be on one path through the routine; "{b}" is at {other}',
    'diag.unknown-conflict': 'unknown checklist item "{item}" under conflicts: it is not in the routine or its modules',
  },
};
