// Public surface of the stories stage: incremental grouping of articles into stories, with follow-ups linked.
export { STORIES_CONFIG, type StoriesConfig } from './config.js';
export { GROUPING_VERSION, extractFeatures, groupingTerm, headlineDateline, headlineSpeaker, isRoundupHeadline, parseTime, type ArticleFeatures } from './features.js';
export { MemoryStoryState, storyIdFor, type StoryRecord, type StorySpan, type StoryState } from './state.js';
export { StoryGrouper, storyTitle, toStory, type AssignResult, type GrouperOptions } from './grouper.js';
export { buildPrior, defaultPrior, defaultPriorPath, readPrior, type DocumentFrequencyPrior, type PriorFile } from './prior.js';
export { scoreClusters, type ClusterScores } from './metrics.js';
export { renderReport, renderStory, renderStoryList, type ArticleInfo, type StoryContext, type StoryFormat } from './render.js';
export { groupStoredArticles, groupingBehind } from './sync.js';
export { selectStories, type StoryOrder, type StorySelection } from './select.js';
export { countOf, dateWords, ENTITY_TYPE_LABEL, HEADINGS, MISSING, NOUNS, shownOf, type CountForms } from './words.js';
export { PAIR_FEATURES, defaultPairModel, defaultPairModelPath, pairFeatures, pairProbability, readPairModel, type PairModel, type PairSide } from './pair-model.js';
export { evidenceOf, type Evidence } from './evidence.js';
