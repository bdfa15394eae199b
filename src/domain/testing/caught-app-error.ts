import { AppError } from '../errors.js';

/** Runs `run` and returns the AppError it throws, so a test can assert code, message and details together. */
export function caughtAppError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('Expected an AppError, but nothing was thrown.');
}
