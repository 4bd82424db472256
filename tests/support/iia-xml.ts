/**
 * Small IIAs v7 documents written for the tests from the specification (not copies of the
 * official examples): one IIA between "ours.example" and "theirs.example".
 */
export const IIAS_NS =
  "https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd";
export const CONTACT_NS = "https://github.com/erasmus-without-paper/ewp-specs-types-contact/tree/stable-v1";

type SpecOptions = { body: string; contact?: boolean; from?: string; to?: string; years?: [string, string] };

export function spec(
  name: string,
  {
    body,
    contact = false,
    from = "ours.example",
    to = "theirs.example",
    years = ["2026/2027", "2028/2029"],
  }: SpecOptions,
): string {
  const contactXml = contact
    ? "<sending-contact><c:contact-name>Contact Person</c:contact-name></sending-contact>"
    : "";
  return `<${name}><sending-hei-id>${from}</sending-hei-id>${contactXml}<receiving-hei-id>${to}</receiving-hei-id><receiving-first-academic-year-id>${years[0]}</receiving-first-academic-year-id><receiving-last-academic-year-id>${years[1]}</receiving-last-academic-year-id>${body}</${name}>`;
}

type IiaOptions = {
  terminated?: boolean;
  ids?: [string, string];
  heis?: [string, string];
  hash?: string;
  contactName?: string;
  extraIia?: string;
};

function iia(
  specs: string[],
  {
    terminated = false,
    ids = ["ours-1", "theirs-1"],
    heis = ["ours.example", "theirs.example"],
    hash,
    contactName = "Alice Martin",
  }: IiaOptions,
): string {
  const conditions = terminated ? '<cooperation-conditions terminated-as-a-whole="true">' : "<cooperation-conditions>";
  return `<iia><partner><hei-id>${heis[0]}</hei-id><iia-id>${ids[0]}</iia-id><c:contact><c:contact-name>${contactName}</c:contact-name></c:contact></partner><partner><hei-id>${heis[1]}</hei-id><iia-id>${ids[1]}</iia-id></partner><in-effect>true</in-effect>${conditions}${specs.join("")}</cooperation-conditions><iia-hash>${hash ?? "0".repeat(64)}</iia-hash></iia>`;
}

export function iiaResponse(specs: string[], options: IiaOptions = {}): string {
  const extra = options.extraIia ? iia([options.extraIia], { ids: ["ours-2", "theirs-2"] }) : "";
  return `<?xml version="1.0" encoding="UTF-8"?><iias-get-response xmlns="${IIAS_NS}" xmlns:c="${CONTACT_NS}">${iia(specs, options)}${extra}</iias-get-response>`;
}

type StudiesOptions = {
  seats?: string;
  eqf?: string[];
  isced?: string;
  v6Isced?: string;
  language?: [string, string];
  months?: string;
};

/** A schema-valid student-studies mobility body (elements in the order the XSD requires). */
export function studiesBody({
  seats = "2",
  eqf = ["7"],
  isced = "0314",
  v6Isced,
  language = ["fr", "B2"],
  months = "10",
}: StudiesOptions = {}): string {
  const v6 = v6Isced ? ` v6-value="${v6Isced}"` : "";
  return `<mobilities-per-year>${seats}</mobilities-per-year><recommended-language-skill><language>${language[0]}</language><cefr-level>${language[1]}</cefr-level></recommended-language-skill><subject-area><isced-f-code${v6}>${isced}</isced-f-code></subject-area><total-months-per-year>${months}</total-months-per-year><blended>false</blended>${eqf.map((level) => `<eqf-level>${level}</eqf-level>`).join("")}`;
}
