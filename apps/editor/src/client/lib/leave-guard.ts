/**
 * Asks before unsaved work is left, whichever way it is left: a link of
 * the app (a hash route, which unloads nothing), the browser's Back or
 * Forward (a history traversal, which cannot be cancelled, so the screen's
 * own address is put back), or closing or reloading the tab (the browser's
 * own question).
 */
export function guardUnsaved(unsaved: () => boolean, question: () => string): () => void {
  // The screen's address as it was opened: the one Back and Forward return to when the answer is "stay".
  const here = location.hash;

  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (unsaved()) e.preventDefault();
  };
  const onClick = (e: MouseEvent) => {
    const a = (e.target as Element | null)?.closest('a');
    const href = a?.getAttribute('href') ?? '';
    if (!unsaved() || !href.startsWith('#/') || href === location.hash) return;
    if (!confirm(question())) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
  // popstate comes before hashchange: the address put back here is what the router then reads, so the screen stays.
  const onPopState = () => {
    if (location.hash === here || !unsaved()) return;
    if (!confirm(question())) history.pushState(history.state, '', here);
  };

  addEventListener('beforeunload', onBeforeUnload);
  addEventListener('popstate', onPopState);
  document.addEventListener('click', onClick, true);
  return () => {
    removeEventListener('beforeunload', onBeforeUnload);
    removeEventListener('popstate', onPopState);
    document.removeEventListener('click', onClick, true);
  };
}
