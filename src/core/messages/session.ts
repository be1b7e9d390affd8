import type { Catalog } from './types.js';

export const sessionMessages: Catalog = {
  sv: {
    'session.badId': '"{id}" är inget sessions-id (se `jour-routine sessions`)',
    'session.notFound': 'sessionen {id} finns inte (se `jour-routine sessions`)',
    'session.corrupt': 'sessionen {id} är skadad på rad {line} och kan inte läsas; filen har inte ändrats',
    'session.io': 'sessionen {id} kan inte läsas eller skrivas ({code})',
    'session.tornLine': 'varning: en ofullständig sista rad (rad {line}) från ett avbrott hoppades över; allt bekräftat finns kvar',
    'session.badEvent': 'varning: rad {line} i sessionen kunde inte tolkas och hoppades över',
    'session.rejectedEvent': 'varning: händelse på rad {line} passar inte rutinen och hoppades över',
    'session.routineGone': 'sessionen {id} startades med rutinen {routine} version {version}, som inte längre finns; den kan inte fortsättas',
    'session.routineChanged': 'OBS: rutinen {routine} har ändrats sedan sessionen startade; sessionen fortsätter på version {version} (aktuell: {now})',
    'session.routineNotLoaded': 'OBS: rutinen {routine} finns inte i de mappar som lästes nu (glömdes --routines?); sessionen fortsätter på den sparade versionen (version {version})',
    'session.locked': 'sessionen {id} är öppen i ett annat fönster eller program (process {pid}); stäng det först',
    'session.lockedUnknown': 'sessionen {id} är låst av ett annat program; försök igen om en stund',
    'session.writeFailed': 'kunde inte spara i sessionen ({code}); inget mer har registrerats',
  },
  en: {
    'session.badId': '"{id}" is not a session id (see `jour-routine sessions`)',
    'session.notFound': 'session {id} does not exist (see `jour-routine sessions`)',
    'session.corrupt': 'session {id} is damaged at line {line} and cannot be read; the file was not changed',
    'session.io': 'session {id} cannot be read or written ({code})',
    'session.tornLine': 'warning: an incomplete last line (line {line}) from an interruption was skipped; everything confirmed is kept',
    'session.badEvent': 'warning: line {line} of the session could not be read and was skipped',
    'session.rejectedEvent': 'warning: the event on line {line} does not fit the routine and was skipped',
    'session.routineGone': 'session {id} was started with routine {routine} version {version}, which no longer exists; it cannot be continued',
    'session.routineChanged': 'NOTE: routine {routine} has changed since the session started; the session continues on version {version} (current: {now})',
    'session.routineNotLoaded': 'NOTE: routine {routine} is not in the folders read this time (was --routines forgotten?); the session continues on the saved copy (version {version})',
    'session.locked': 'session {id} is open in another window or program (process {pid}); close it first',
    'session.lockedUnknown': 'session {id} is locked by another program; try again in a moment',
    'session.writeFailed': 'could not save to the session ({code}); nothing more was recorded',
  },
};
