/**
 * A local fake of the OpenAI and Anthropic HTTP APIs for tests, e2e runs and benchmarks; the
 * real SDKs talk to it through their `baseURL`.
 */
export {
  startModelServer,
  type ModelServer,
  type ModelServerOptions,
  type RecordedRequest,
} from './model-server'
export { reply, type ModelServerStep, type ScriptedFinish } from './steps'
export { sampleFromSchema, type JsonSchema } from './schema-sample'
