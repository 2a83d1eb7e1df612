import { loadDictionary } from '../src/dict/load';

/**
 * Compile the shipped dictionary once before the test files start: on a
 * fresh clone every file that loads it would otherwise compile it at the
 * same time (a few seconds of CPU each on two cores). A load that finds the
 * artefact current does nothing more than read it.
 */
export default function setup(): void {
  loadDictionary();
}
