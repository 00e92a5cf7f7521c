// News text -> candidate events: the public face of the events layer.
export { ingestText, type IngestOptions, type IngestResult, type EventOut, type ActorOut, type LinkOut } from './extract.ts';
export { buildLinks, linkSourceOf, type LinkTable, type LinkSource } from './links.ts';
export { EVENTS_METHOD, EVENT_SCALE, type EventType } from './method.ts';
export { decodeInput, prepareText, MAX_INPUT_BYTES, tooLarge } from './text.ts';
