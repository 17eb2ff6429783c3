// The read-only file viewer bound to the coach's store: citations and diagram nodes open it there.
import { FileViewer } from './FileViewer.tsx'
import { useStores } from '../../stores-context.tsx'

export function CoachFileViewer() {
  const { useCoach } = useStores()
  const target = useCoach((state) => state.viewer)
  const openFile = useCoach((state) => state.openFile)
  const close = useCoach((state) => state.closeViewer)
  return <FileViewer target={target} onOpen={openFile} onClose={close} />
}
