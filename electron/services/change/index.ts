// The change domain's public face: the service and the factory the composition root builds it with.
export { ChangeService, type ChangeServiceDeps } from './change-service.ts'
export { createChangeService, testEnvironment, type ChangeWiring } from './create-change-service.ts'
