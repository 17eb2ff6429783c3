import { describe, expect, it } from 'vitest'
import { exclusionRule } from '../../../../../electron/services/secrets/excluded-files.ts'

describe('exclusionRule', () => {
  it.each([
    '.env',
    '.env.local',
    '.env.production',
    'services/api/.env.development.local',
    'deploy/prod.env',
    '.envrc',
    'certs/server.pem',
    'server.key',
    'id_rsa',
    'home/.ssh/id_ed25519',
    'id_ecdsa.pub',
    'android/app/release.keystore',
    'keys/signing.jks',
    'certs/client.p12',
    'certs/client.pfx',
    '.aws/credentials',
    'credentials.json',
    'client_secret_1234.apps.googleusercontent.com.json',
    'gcp/service-account.json',
    'config/secrets.yml',
    '.git-credentials',
    '.netrc',
    '.pgpass',
    'infra/terraform.tfstate',
    'infra/prod.tfvars',
    '.kube/config',
  ])('excludes %s', (path) => {
    expect(exclusionRule(path)).not.toBeNull()
  })

  it.each([
    '.env.example',
    '.env.sample',
    'src/env.ts',
    'src/environment.ts',
    'README.md',
    'src/keys.ts',
    'docs/credentials.md',
    'package.json',
  ])('lets %s through (to redaction)', (path) => {
    expect(exclusionRule(path)).toBeNull()
  })

  it('excludes .npmrc and .pypirc only when they hold a token or password', () => {
    expect(exclusionRule('.npmrc', 'registry=https://registry.npmjs.org/\n')).toBeNull()
    expect(exclusionRule('.npmrc', '//registry.npmjs.org/:_authToken=abc\n')).toBe('package-registry-token')
    expect(exclusionRule('.pypirc', '[pypi]\nusername = __token__\npassword = pypi-abc\n')).toBe('package-registry-token')
    expect(exclusionRule('.npmrc')).toBe('package-registry-token')
  })
})
