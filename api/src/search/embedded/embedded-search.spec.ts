import { CONTRACT_DOCUMENTS, CONTRACT_INDEX, describeSearchContract } from '../../test-support/search-contract';
import { EmbeddedSearchEngine } from './embedded-search.engine';

const engine = new EmbeddedSearchEngine();
beforeAll(async () => {
  await engine.configure([CONTRACT_INDEX]);
  await engine.upsert(CONTRACT_INDEX.name, CONTRACT_DOCUMENTS);
});

describeSearchContract('embedded', { engine: () => engine });
