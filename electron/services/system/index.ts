// The system domain's public face: the service that answers what this build is and cancels calls.
export { SystemService } from './system-service.ts'
