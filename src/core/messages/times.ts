// Times as the caseworker meant them, and the case reference: refusals and echoes.
import type { Catalog } from './types.js';

export const timesMessages: Catalog = {
  sv: {
    'input.bad-time.future': '{time}{field} ligger fram i tiden: ange när det hände (med datum om det var ett annat dygn)',
    'input.bad-time.no-such-date': '"{text}"{field} finns inte i kalendern',
    'input.bad-time.dst-gap': '{local}{field} finns inte: klockan ställdes fram från 02:00 till 03:00 den natten',
    'input.bad-time.dst-ambiguous':
      '{local}{field} inträffade två gånger när klockan ställdes tillbaka: ange vilken, "{local} +02:00" (den första, sommartid) eller "{local} +01:00" (den andra, vintertid)',
    'input.time-before': '{label} ({value}) kan inte vara före {other} ({otherValue})',
    'time.echo': '→ {time}',
    'ia.time.this': 'Tiden',
    'ia.time.decidedAt': 'beslutstiden',
    'cli.at.form': '--at ska vara en tidpunkt med datum och tidszon, t.ex. "2026-12-03T01:40:00+01:00"',
    'cli.at.no-such-date': '--at "{text}" finns inte i kalendern',
    'cli.run.fileAt': '{where}: at ska vara en tidpunkt med datum och tidszon som finns i kalendern, t.ex. "2026-12-03T01:40:00+01:00"',
    'diag.deadline-from-typing-time': 'fristen räknas från "{from}", när svaret skrevs in, fast noden registrerar när det hände: använd "{use}"',
    'diag.unknown-time-order': '"{field}" får inte vara före "{ref}", men "{ref}" är ingen tidpunkt som rutinen registrerar',
    'diag.time-rule-type': '"{field}" är {type}: planned och not_before gäller bara tidpunkter (datetime)',
    'owner.diff.f.planned': 'planerad tid',
    'owner.diff.f.not-before': 'inte före',
    'owner.diff.f.field-planned': 'planerad tid',
    'owner.diff.f.field-not-before': 'inte före',
    'case.personnummer': 'Det ser ut som ett personnummer eller samordningsnummer: skriv journalnumret i stället',
  },
  en: {
    'input.bad-time.future': '{time}{field} is in the future: give the time it happened (with the date if it was another day)',
    'input.bad-time.no-such-date': '"{text}"{field} is not in the calendar',
    'input.bad-time.dst-gap': '{local}{field} does not exist: the clocks went forward from 02:00 to 03:00 that night',
    'input.bad-time.dst-ambiguous':
      '{local}{field} happened twice when the clocks went back: say which, "{local} +02:00" (the first, summer time) or "{local} +01:00" (the second, winter time)',
    'input.time-before': '{label} ({value}) cannot be before {other} ({otherValue})',
    'time.echo': '→ {time}',
    'ia.time.this': 'The time',
    'ia.time.decidedAt': 'the time of decision',
    'cli.at.form': '--at must be a time with date and time zone, e.g. "2026-12-03T01:40:00+01:00"',
    'cli.at.no-such-date': '--at "{text}" is not in the calendar',
    'cli.run.fileAt': '{where}: at must be a time with date and time zone that is in the calendar, e.g. "2026-12-03T01:40:00+01:00"',
    'diag.deadline-from-typing-time': 'the deadline counts from "{from}", when the answer was typed, although the node records when it happened: use "{use}"',
    'diag.unknown-time-order': '"{field}" may not be before "{ref}", but "{ref}" is not a time the routine records',
    'diag.time-rule-type': '"{field}" is {type}: planned and not_before apply only to times (datetime)',
    'owner.diff.f.planned': 'planned time',
    'owner.diff.f.not-before': 'not before',
    'owner.diff.f.field-planned': 'planned time',
    'owner.diff.f.field-not-before': 'not before',
    'case.personnummer': 'This looks like a personal identity or coordination number: enter the journal number instead',
  },
};
