// Argument parsers the registrations use; light, so that registering a command loads nothing else.
// Session ids are lower case on disk; one read aloud or typed from a note may come in capitals.

/** A session id in any letter case; anything else is left as typed, so an error quotes it faithfully. */
export const sessionIdArg = (v: string): string => (/^[a-z2-7]{10}$/i.test(v.trim()) ? v.trim().toLowerCase() : v);
