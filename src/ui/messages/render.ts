import type { Catalog } from './types.js';

export const renderMessages: Catalog = {
  sv: {
    'checklist.heading.now': 'Nu',
    'checklist.heading.before_shift_end': 'Före passets slut',
    'checklist.heading.later': 'Senare',
    'checklist.waiting': 'Frist: räknas när {from} är registrerad',
    'checklist.actBy': 'Agera senast {safe} (räknat från {from})',
    'checklist.nominal': 'Fristens sista dag {nominal}; enligt lag (1930:173) {legal} {reason} – lita inte på det',
    'checklist.refExpires': 'OBS: {law} gäller bara till {until} – kontrollera vad som gäller',
    'checklist.doneBy': 'Klart: {by} {at}',
    'checklist.naBy': 'Ej aktuellt ({by}): {reason}',
    'checklist.empty': 'Checklistan är tom.',
  },
  en: {
    'checklist.heading.now': 'Now',
    'checklist.heading.before_shift_end': 'Before the shift ends',
    'checklist.heading.later': 'Later',
    'checklist.waiting': 'Deadline: computed once {from} is recorded',
    'checklist.actBy': 'Act by {safe} (counted from {from})',
    'checklist.nominal': 'Last day of the period {nominal}; under Act (1930:173) {legal} {reason} – do not rely on it',
    'checklist.refExpires': 'NOTE: {law} is valid only until {until} – check what applies',
    'checklist.doneBy': 'Done: {by} {at}',
    'checklist.naBy': 'Not applicable ({by}): {reason}',
    'checklist.empty': 'The checklist is empty.',
  },
};
