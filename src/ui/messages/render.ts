import type { Catalog } from './types.js';

export const renderMessages: Catalog = {
  sv: {},
  en: {},
};
