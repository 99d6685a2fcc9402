import { locales } from '../locales/index.js';
import { jsonPlaces } from './json-places.js';
import type { ValidationParts } from './parts.js';
import { personalDataIn } from './personal-data.js';
import { describeShape } from './structural.js';

/** The parts of a validation imported as usual: what the synchronous validators check with. */
export const importedParts: ValidationParts = {
  describe: describeShape,
  personalData: personalDataIn,
  places: jsonPlaces,
  messages: locales,
  whenLoaded: (step) => void step(),
};
