// The structural reader alone: what only the structure shows (a Secret's data under any key, a value
// named by the `name` beside it, an element's text, a notebook's JSON-escaped code), as raw spans.
import { describe, expect, it } from 'vitest'
import { applySpans } from '../../../../../electron/services/secrets/secret-spans.ts'
import { findStructuredSecretSpans } from '../../../../../electron/services/secrets/structured-secrets.ts'

const redact = (path: string, text: string) => applySpans(path, text, findStructuredSecretSpans(path, text)).text
const VALUE = 'q8Zt3LmW9xK2pR7vN4bY'

describe('findStructuredSecretSpans', () => {
  it('takes every value of a Kubernetes Secret, whatever its key, and decodes base64 to tell its kind', () => {
    const text = `kind: Secret\napiVersion: v1\ndata:\n  config: ${Buffer.from(`url=${VALUE}`).toString('base64')}\n  empty: ""\nstringData:\n  settings: ${VALUE}\n`
    const out = redact('deploy/x.yaml', text)
    expect(out).toContain('  config: [redacted by Gemba: kubernetes-secret]')
    expect(out).toContain('  settings: [redacted by Gemba: kubernetes-secret]')
    expect(out).toContain('  empty: ""')
  })

  it('leaves data of other kinds alone unless its name says secret', () => {
    expect(redact('cm.yaml', `kind: ConfigMap\ndata:\n  config: ${VALUE}\n`)).toContain(`config: ${VALUE}`)
  })

  it('reads name/value pairs in YAML, JSON (ECS task definitions) and XML', () => {
    expect(redact('d.yaml', `env:\n  - name: PAYMENT_KEY\n    value: ${VALUE}\n`)).toContain('value: [redacted by Gemba: secret-value]')
    expect(
      redact(
        'task.json',
        JSON.stringify({
          environment: [
            { name: 'SIGNING_SECRET', value: VALUE },
            { name: 'MODE', value: 'prod' },
          ],
        }),
      ),
    ).not.toContain(VALUE)
    expect(redact('beans.xml', `<beans><property name="apiToken" value="${VALUE}"/></beans>`)).not.toContain(VALUE)
    expect(redact('strings.xml', `<resources><string name="maps_api_key">${VALUE}</string></resources>`)).not.toContain(VALUE)
  })

  it('reads a notebook cell as code, and its printed output, mapping back into the escaped JSON', () => {
    const notebook = JSON.stringify({
      cells: [
        {
          cell_type: 'code',
          source: ['token = "', `${VALUE}"\n`],
          outputs: [{ output_type: 'stream', text: [`Authorization: Bearer ${VALUE}x9\n`] }],
        },
      ],
    })
    const out = redact('a.ipynb', notebook)
    expect(out).not.toContain(VALUE)
    expect(() => JSON.parse(out)).not.toThrow()
  })

  it('reads a properties file held in a block scalar', () => {
    const text = `kind: ConfigMap\ndata:\n  application.properties: |\n    server.port=8080\n    spring.datasource.password=Wq7-zr93-Lp!x\n`
    const out = redact('cm.yaml', text)
    expect(out).toContain('server.port=8080')
    expect(out).toContain('spring.datasource.password=[redacted by Gemba: password-assignment]')
  })

  it('reads what a notebook cell returned or displayed, and its tracebacks', () => {
    const notebook = JSON.stringify({
      cells: [
        {
          cell_type: 'code',
          source: ['client.credentials()'],
          outputs: [
            { output_type: 'execute_result', data: { 'text/plain': [`{'api_key': '${VALUE}', 'region': 'eu'}`] } },
            { output_type: 'error', traceback: [`AuthError: password=${VALUE}x9 rejected`] },
          ],
        },
      ],
    })
    expect(redact('b.ipynb', notebook)).not.toContain(VALUE)
  })

  it('judges a value under a section named for credentials, whatever its own key', () => {
    expect(redact('app.yml', `secrets:\n  production:\n    github: ${VALUE}\n`)).not.toContain(VALUE)
    expect(redact('app.json', JSON.stringify({ credentials: { mailer: VALUE } }))).not.toContain(VALUE)
    // Unless its own key says what else it is, or the section is public.
    expect(redact('app.yml', `secrets:\n  region: eu-west-1-${VALUE}\n`)).toContain(VALUE)
    expect(redact('app.json', JSON.stringify({ public_keys: { signing: VALUE } }))).toContain(VALUE)
  })

  it('follows a YAML alias to the anchored value and redacts it where it is written', () => {
    const out = redact('compose.yml', `x-value: &v ${VALUE}\nservices:\n  api:\n    api_token: *v\n`)
    expect(out).toContain('x-value: &v [redacted by Gemba: secret-value]')
    expect(out).toContain('api_token: *v')
  })

  it('gives up quietly on what does not parse', () => {
    expect(findStructuredSecretSpans('x.json', '{ "a": ')).toEqual([])
    expect(findStructuredSecretSpans('x.xml', '<a><b></a>')).toEqual([])
  })
})
