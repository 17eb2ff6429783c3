// The ai domain's public face: the door to Claude, the conversation engine, the
// repository tools and the factory of the service itself. Other domains and the composition root import from here,
// never from the files behind it.
export { AiClient, createAnthropicSdk, type AiClientOptions, type SdkFactory } from './client/ai-client.ts'
export { readAiSettings, type AiRuntimeSettings, type AiSettingsSource } from './ai-settings.ts'
export { aiThreadsFolder, createAiService } from './create-ai-service.ts'
export { DEFAULT_CONTEXT_TOKENS, packContext, scanSnapshot } from './context/pack-context.ts'
export { Conversation, type ConversationOptions } from './conversation/conversation.ts'
export { planningEffort } from './models/model-profile.ts'
export { threadStore } from './threads/thread-store.ts'
export { threadTranscripts } from './threads/thread-transcripts.ts'
export { readTextLines } from './tools/read-file.ts'
export { createRepoTools, type ToolSet } from './tools/repo-tools.ts'
export { mergeRedactions, toolError, type ToolExecution } from './tools/tool-execution.ts'
