import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppProviders } from "./app/AppProviders.tsx";
import { createAppRouter } from "./app/router.tsx";
import "./app/global.css";
import { initI18n } from "./i18n/i18n.ts";
import { ApiError, setAuthFailureHandlers, setCsrfToken } from "./lib/api.ts";

initI18n();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (404, 403, 400) will not change on retry; network hiccups might.
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      staleTime: 30_000,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createAppRouter(queryClient);

setAuthFailureHandlers({
  onAuthRequired() {
    setCsrfToken(null);
    const { pathname, href } = router.state.location;
    if (pathname === "/login") return;
    // Leave the signed-in pages first, then forget their data: clearing while they are still mounted
    // would make them fetch again, fail again and race the navigation.
    void router.navigate({ to: "/login", search: { redirect: href } }).then(() => queryClient.clear());
  },
  onPasswordChangeRequired() {
    if (router.state.location.pathname !== "/change-password")
      void router.navigate({ to: "/change-password" });
  },
});

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <AppProviders>
          <RouterProvider router={router} />
        </AppProviders>
      </QueryClientProvider>
    </StrictMode>,
  );
}
