// The renderer's entry and composition root: connects to the backend once (bridge.ts), builds every
// store with that one client, and mounts the shell with them. No Node, no Electron.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { connectPage } from './bridge.ts'
import { createPageStores } from './page-stores.ts'
import { windowAddress } from './stores/navigation-store.ts'
import { StoresProvider } from './stores-context.tsx'
import { validateMermaid } from './views/coach/validate-mermaid.ts'
import './styles/app.css'

const root = document.getElementById('root')
if (root) {
  const connection = connectPage()
  const stores = createPageStores(connection.client, { address: windowAddress(), validateMermaid })
  createRoot(root).render(
    <StrictMode>
      <StoresProvider stores={stores}>
        <App connection={connection} />
      </StoresProvider>
    </StrictMode>,
  )
}
