import { randomUUID } from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import type {
  AuthResponse,
  LoginInput,
  RegisterInput,
  User,
  UserUpdate,
} from '@shared/contracts/auth'
import type { Database, DbOrTx } from '../db/open-database'
import { refreshTokens, users } from '../db/schema'
import { AppError } from '../errors/app-error'
import type { Logger } from '../logging/logger'
import {
  createUser,
  findUserByEmail,
  loadUser,
  toUserDto,
  updateProfile,
  type UserRow,
} from '../users/users-service'
import { hashPassword, verifyPassword } from './passwords'
import { ACCESS_TOKEN_SECONDS, hashToken, type TokenIssuer } from './tokens'

interface SignedPair {
  row: typeof refreshTokens.$inferInsert
  response: AuthResponse
}

export interface AuthServiceDeps {
  db: Database
  tokens: TokenIssuer
  now: () => Date
  log: Logger
}

/** Accounts and sessions: registration, sign-in, rotation of refresh tokens, sign-out. */
export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  async register(input: RegisterInput): Promise<AuthResponse> {
    const { db, now } = this.deps
    if (await findUserByEmail(db, input.email)) {
      throw new AppError('conflict', 'An account with this email already exists; sign in instead')
    }
    const passwordHash = await hashPassword(input.password)
    const user = await createUser(
      db,
      { email: input.email, passwordHash, fullName: input.full_name },
      now(),
    )
    this.deps.log.info({ user_id: user.id }, 'account registered')
    return this.startSession(user)
  }

  async login(input: LoginInput): Promise<AuthResponse> {
    const { db, now } = this.deps
    const user = await findUserByEmail(db, input.email)
    const ok = await verifyPassword(user?.passwordHash ?? null, input.password)
    if (!user || !ok) throw new AppError('unauthenticated', 'Incorrect email or password')
    if (!user.isActive) throw new AppError('forbidden', 'This account is disabled')

    await db.update(users).set({ lastLoginAt: now() }).where(eq(users.id, user.id))
    return this.startSession({ ...user, lastLoginAt: now() })
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already exchanged means a copy
   * is in someone else's hands, so its whole family is revoked and both holders must sign in.
   * The successor is stored in the same transaction that marks its parent rotated: were it
   * stored after, a concurrent replay could revoke the family before it existed and leave it
   * valid.
   */
  async refresh(token: string): Promise<AuthResponse> {
    const { db, tokens, now } = this.deps
    const claims = await tokens.verifyRefresh(token)
    const user = await loadUser(db, claims.sub, now())
    // Signed before the transaction opens: PGlite runs one at a time, so only SQL waits inside.
    const next = await this.signPair(user, claims.fam)

    const outcome = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(refreshTokens)
        .where(eq(refreshTokens.tokenHash, hashToken(token)))
        .for('update')
      if (!row || row.id !== claims.jti || row.familyId !== claims.fam) return 'unknown' as const
      if (row.revokedAt) return 'revoked' as const
      if (row.rotatedAt) {
        await revokeFamily(tx, row.familyId, now())
        return 'reused' as const
      }
      if (!user.isActive) return 'disabled' as const
      await tx.update(refreshTokens).set({ rotatedAt: now() }).where(eq(refreshTokens.id, row.id))
      await tx.insert(refreshTokens).values(next.row)
      return 'rotated' as const
    })

    if (outcome === 'reused') {
      this.deps.log.warn(
        { user_id: claims.sub, family: claims.fam },
        'refresh token reused; family revoked',
      )
      throw new AppError(
        'unauthenticated',
        'This session was ended because its token was used twice; sign in again',
      )
    }
    if (outcome === 'disabled') throw new AppError('forbidden', 'This account is disabled')
    if (outcome !== 'rotated')
      throw new AppError('unauthenticated', 'Invalid or expired refresh token')
    return next.response
  }

  /** Ends the session the refresh token belongs to. */
  async logout(token: string): Promise<void> {
    const claims = await this.deps.tokens.verifyRefresh(token)
    await revokeFamily(this.deps.db, claims.fam, this.deps.now())
  }

  /** Changes the signed-in user's own name or webhook and answers with the updated user. */
  async updateMe(userId: string, change: UserUpdate): Promise<User> {
    await updateProfile(this.deps.db, userId, change, this.deps.now())
    if (change.webhook_url !== undefined) {
      this.deps.log.info(
        { user_id: userId, webhook: Boolean(change.webhook_url) },
        'webhook changed',
      )
    }
    return toUserDto(await loadUser(this.deps.db, userId, this.deps.now()))
  }

  private async startSession(user: UserRow): Promise<AuthResponse> {
    const pair = await this.signPair(user, randomUUID())
    await this.deps.db.insert(refreshTokens).values(pair.row)
    return pair.response
  }

  /** Signs an access and a refresh token; the caller stores `row` so the refresh token counts. */
  private async signPair(user: UserRow, familyId: string): Promise<SignedPair> {
    const { tokens } = this.deps
    const access = await tokens.signAccess(user.id, user.tier)
    const refresh = await tokens.signRefresh(user.id, familyId)
    return {
      row: {
        id: refresh.claims.jti,
        userId: user.id,
        familyId,
        tokenHash: hashToken(refresh.token),
        expiresAt: new Date(refresh.claims.exp * 1000),
      },
      response: {
        access_token: access,
        refresh_token: refresh.token,
        token_type: 'bearer',
        expires_in: ACCESS_TOKEN_SECONDS,
        user: toUserDto(user),
      },
    }
  }
}

async function revokeFamily(db: DbOrTx, familyId: string, now: Date): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
}
