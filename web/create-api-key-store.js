// @ts-check

const STORAGE_KEY = 'sanad.apiKey'

/**
 * @typedef {{ read: () => string | null, save: (key: string) => void, forget: () => void }} ApiKeyStore
 */

/**
 * Keeps the API key for this browser tab only: in sessionStorage (so it survives a reload but not
 * closing the tab), or in memory where the browser refuses storage. Never localStorage, so a key
 * entered on a shared machine does not outlive the session.
 * @param {() => Storage} openStorage called lazily, since merely reading `window.sessionStorage` can throw
 * @returns {ApiKeyStore}
 */
export function createApiKeyStore(openStorage) {
  /** @type {string | null} */
  let memory = null

  /** @returns {Storage | null} */
  function tryOpenStorage() {
    try {
      return openStorage()
    } catch {
      return null
    }
  }

  return {
    read() {
      try {
        return tryOpenStorage()?.getItem(STORAGE_KEY) ?? memory
      } catch {
        return memory
      }
    },
    save(key) {
      memory = key
      try {
        tryOpenStorage()?.setItem(STORAGE_KEY, key)
      } catch {
        // Storage is full or disabled: the in-memory copy still serves this page.
      }
    },
    forget() {
      memory = null
      try {
        tryOpenStorage()?.removeItem(STORAGE_KEY)
      } catch {
        // Nothing was stored there.
      }
    },
  }
}
