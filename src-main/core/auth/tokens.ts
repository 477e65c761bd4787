import { createHash, randomUUID } from 'node:crypto'
import { sign, verify } from 'hono/jwt'
import { AppError } from '../errors/app-error'

export const ACCESS_TOKEN_SECONDS = 30 * 60
export const REFRESH_TOKEN_SECONDS = 7 * 24 * 60 * 60

export type TokenType = 'access' | 'refresh'

export interface AccessClaims {
  sub: string
  tier: string
  type: 'access'
  iat: number
  exp: number
}

export interface RefreshClaims {
  sub: string
  type: 'refresh'
  jti: string
  fam: string
  iat: number
  exp: number
}

export interface TokenIssuerOptions {
  secret: string
  now: () => Date
}

/** Signs and checks HS256 tokens against the application's clock. */
export class TokenIssuer {
  constructor(private readonly options: TokenIssuerOptions) {}

  signAccess(userId: string, tier: string): Promise<string> {
    const iat = this.nowSeconds()
    const claims: AccessClaims = {
      sub: userId,
      tier,
      type: 'access',
      iat,
      exp: iat + ACCESS_TOKEN_SECONDS,
    }
    return sign({ ...claims }, this.options.secret, 'HS256')
  }

  async signRefresh(
    userId: string,
    familyId: string,
  ): Promise<{ token: string; claims: RefreshClaims }> {
    const iat = this.nowSeconds()
    const claims: RefreshClaims = {
      sub: userId,
      type: 'refresh',
      jti: randomUUID(),
      fam: familyId,
      iat,
      exp: iat + REFRESH_TOKEN_SECONDS,
    }
    return { token: await sign({ ...claims }, this.options.secret, 'HS256'), claims }
  }

  verifyAccess(token: string): Promise<AccessClaims> {
    return this.verifyAs<AccessClaims>(token, 'access')
  }

  verifyRefresh(token: string): Promise<RefreshClaims> {
    return this.verifyAs<RefreshClaims>(token, 'refresh')
  }

  /**
   * Verifies signature and algorithm (HS256 only, so `alg: none` fails), then expiry against
   * the injected clock, then that the token is of the type this use expects.
   */
  private async verifyAs<T extends { type: TokenType; exp: number; sub: string }>(
    token: string,
    type: TokenType,
  ): Promise<T> {
    let payload: Record<string, unknown>
    try {
      payload = await verify(token, this.options.secret, {
        alg: 'HS256',
        exp: false,
        nbf: false,
        iat: false,
      })
    } catch {
      throw invalidToken()
    }
    if (typeof payload.exp !== 'number' || payload.exp <= this.nowSeconds()) {
      throw new AppError('unauthenticated', 'The token has expired; sign in again')
    }
    if (payload.type !== type || typeof payload.sub !== 'string') throw invalidToken()
    return payload as unknown as T
  }

  private nowSeconds(): number {
    return Math.floor(this.options.now().getTime() / 1000)
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

function invalidToken(): AppError {
  return new AppError('unauthenticated', 'Could not validate credentials')
}
