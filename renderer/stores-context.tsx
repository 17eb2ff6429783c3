// How a view reaches its stores: from the one set the composition root built (main.tsx in the app,
// a component test's own set on a fake client), never from a module that connects on import.
import { createContext, useContext, type ReactNode } from 'react'
import type { PageStores } from './page-stores.ts'

const StoresContext = createContext<PageStores | null>(null)

export function StoresProvider(props: { stores: PageStores; children: ReactNode }) {
  return <StoresContext value={props.stores}>{props.children}</StoresContext>
}

/** The page's stores; each is a zustand hook (select with it, or read `getState()` in a handler). */
export function useStores(): PageStores {
  const stores = useContext(StoresContext)
  if (!stores) throw new Error('A view was rendered outside StoresProvider.')
  return stores
}
