/** The pure targeting core: no DOM, no browser globals. The content script feeds it fingerprints. */
export { rankCandidates, rankWithAssessment } from './rankCandidates';
export type { RankedCandidate, Ranking } from './rankCandidates';
export { ACCEPT_CONFIDENCE, assess, identityOf } from './confidence';
export type { Assessment, Evidence } from './confidence';
export { analyzeToken, isGeneratedToken } from './generatedTokens';
export type { Generatedness, TokenAnalysis } from './generatedTokens';
export { implicitRole, kindOf, INTERACTIVE_ROLES, INTERACTIVE_TAGS } from './roles';
export type { ElementKind } from './roles';
export { effectiveRole } from './shapeSignals';
export { stringSimilarity } from './similarity';
export { shortName } from './shortName';
export { uniqueFields } from './uniqueFields';
