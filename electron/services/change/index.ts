// The change domain's public face: the factory the composition root builds the service with.
export { createChangeService } from './create-change-service.ts'
