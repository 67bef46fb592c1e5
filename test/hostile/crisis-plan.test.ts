// The hostile-data corpus (corpus.ts) against one element; harness.ts says what each case checks.
import { describeCorpus } from './harness.js';

describeCorpus('crisis');
