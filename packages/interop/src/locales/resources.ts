import type { NoteParams } from '../codes.js';
import type { ResourceSkippedTexts } from './types.js';

/** The message of a `fhir.resource-skipped` note: the one for its resource type and reason. */
export function resourceSkipped(texts: ResourceSkippedTexts, params: NoteParams['fhir.resource-skipped']): string {
  return (texts[params.resourceType] as Record<string, string>)[params.reason]!;
}
