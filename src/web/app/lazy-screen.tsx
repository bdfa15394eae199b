import { startTransition, useEffect, useState, type ComponentType } from 'react';
import { QueryState } from '../shared/components/query-state';

/** What a screen shows while its code loads (also the fallback of the layout's Suspense). */
export const screenLoading = (
  <QueryState label="the page" isPending error={null}>
    {null}
  </QueryState>
);

/**
 * A screen in its own chunk that can be loaded ahead (`preload`), like React.lazy but without
 * suspending: React shows content that replaces a Suspense fallback no sooner than 300 ms after
 * the fallback, which would hold back a landing screen whose code and data are already there.
 * Until the code is there it shows `screenLoading`; a chunk that fails to load is thrown to the
 * route's error boundary, as React.lazy would.
 */
export function lazyScreen(load: () => Promise<ComponentType>) {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // the next visit tries again
        throw error;
      },
    );
    return loading;
  };
  function Screen() {
    const [state, setState] = useState<{ Component?: ComponentType; error?: unknown }>(() => ({ Component: loaded }));
    useEffect(() => {
      if (state.Component) return;
      let current = true;
      preload().then(
        // A transition: the screen's first drawing is cut in slices, not one long task.
        (Component) => current && startTransition(() => setState({ Component })),
        (error: unknown) => current && setState({ error }),
      );
      return () => {
        current = false;
      };
    }, []);
    if (state.error) throw state.error;
    return state.Component ? <state.Component /> : screenLoading;
  }
  return { Screen, preload };
}
