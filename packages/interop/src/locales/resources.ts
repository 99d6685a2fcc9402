import type { NoteParams } from '../codes.js';
import type { ResourceSkippedTexts } from './types.js';

/** The message of a `fhir.resource-skipped` note: the one of its resource type, saying what its reason says it lacks. */
export function resourceSkipped(texts: ResourceSkippedTexts, params: NoteParams['fhir.resource-skipped']): string {
  const [message, lacks] = texts[params.resourceType];
  return message.replace('{}', (lacks as Record<string, string>)[params.reason]!);
}
