import type { Catalog } from './types.js';

export const notesMessages: Catalog = {
  sv: {},
  en: {},
};
