import { describe, expect, it } from 'vitest'
import { contextBudgetFor, modelProfile, planningEffort } from '../../../../../../electron/services/ai/models/model-profile.ts'

const listed = (overrides = {}) => ({
  id: 'claude-sonnet-5-5',
  displayName: 'Claude Sonnet 5.5',
  createdAt: null,
  contextWindow: 1_000_000,
  maxOutputTokens: 64_000,
  capabilities: { citations: true, adaptiveThinking: true, effortLevels: ['low', 'medium', 'high', 'max'] as const },
  ...overrides,
})

describe('modelProfile', () => {
  it('takes what the Models API lists, and caches the prefix for an hour', () => {
    expect(modelProfile('claude-sonnet-5-5', listed())).toMatchObject({
      source: 'models_api',
      contextWindow: 1_000_000,
      prefixCacheTtl: '1h',
      capabilities: { citations: true },
    })
  })

  it('falls back to what Gemba knows of the family when the list cannot be had', () => {
    expect(modelProfile('claude-haiku-4-5-20251001', undefined)).toMatchObject({
      source: 'built_in',
      contextWindow: 200_000,
      prefixCacheTtl: '1h',
      capabilities: { citations: true, adaptiveThinking: false },
    })
    expect(modelProfile('claude-3-haiku-20240307', undefined).capabilities.citations).toBe(false)
  })

  it('assumes nothing of a model it does not know: plain text, no thinking, the 5-minute cache every server accepts', () => {
    expect(modelProfile('llama-local', undefined)).toMatchObject({
      source: 'assumed',
      contextWindow: null,
      prefixCacheTtl: '5m',
      capabilities: { citations: false, adaptiveThinking: false, effortLevels: [] },
    })
  })
})

describe('contextBudgetFor', () => {
  it('takes a fifth of the window, at most 40,000 tokens and at least 8,000', () => {
    expect(contextBudgetFor({ contextWindow: 1_000_000 }, null)).toEqual({ tokens: 40_000, source: 'model' })
    expect(contextBudgetFor({ contextWindow: 64_000 }, null)).toEqual({ tokens: 13_000, source: 'model' })
    expect(contextBudgetFor({ contextWindow: 16_000 }, null)).toEqual({ tokens: 8_000, source: 'model' })
    expect(contextBudgetFor({ contextWindow: null }, null)).toEqual({ tokens: 40_000, source: 'default' })
  })

  it('keeps the leader’s budget, but never more than half the window', () => {
    expect(contextBudgetFor({ contextWindow: 1_000_000 }, 120_000)).toEqual({ tokens: 120_000, source: 'setting' })
    expect(contextBudgetFor({ contextWindow: 64_000 }, 60_000)).toEqual({ tokens: 32_000, source: 'setting' })
  })
})

describe('planningEffort', () => {
  it('plans at medium effort where offered, else the nearest level, else none', () => {
    expect(planningEffort({ capabilities: { citations: true, adaptiveThinking: true, effortLevels: ['low', 'medium', 'high'] } })).toBe(
      'medium',
    )
    expect(planningEffort({ capabilities: { citations: true, adaptiveThinking: true, effortLevels: ['high', 'max'] } })).toBe('high')
    expect(planningEffort({ capabilities: { citations: true, adaptiveThinking: true, effortLevels: [] } })).toBeNull()
  })
})
