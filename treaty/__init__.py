"""Treaty Map's domain: a treaty dataset file, its validation, and the status of every state on a date."""
