/**
 * The country lists an admin edits (the CountryList table), by code. A pure module, so that the
 * seed and the rules can name a list without reaching the database.
 */

/** The CountryList row holding the EU, EEA and Swiss nationalities (R-VIS-6). */
export const visaExemptListCode = "visa-exempt";
