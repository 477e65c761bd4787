import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SettingsView } from '@shared/contracts/settings'
import { useUpdateSettings } from '../../api/queries/settings'
import { Button } from '../../ui/Button'

interface PriceRow {
  key: number
  model: string
  input: string
  output: string
}

let nextKey = 1

/** USD per million tokens for each model; costs and budget checks are computed from it. */
export function PricesSection({ settings }: { settings: SettingsView }) {
  const { t } = useTranslation()
  const update = useUpdateSettings()
  const [rows, setRows] = useState<PriceRow[]>(() =>
    Object.entries(settings.prices).map(([model, price]) => ({
      key: nextKey++,
      model,
      input: String(price.input),
      output: String(price.output),
    })),
  )
  const problem = findProblem(rows)

  const edit = (key: number, change: Partial<PriceRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)))

  const save = () => {
    const prices = Object.fromEntries(
      rows.map((row) => [
        row.model.trim(),
        { input: Number(row.input), output: Number(row.output) },
      ]),
    )
    update.mutate({ prices })
  }

  return (
    <section className="card" aria-labelledby="prices-title">
      <h2 id="prices-title" className="card__title">
        {t('settings.prices.title')}
      </h2>
      <p className="muted">{t('settings.prices.intro')}</p>
      <table className="table table--dense table--form" data-testid="price-table">
        <thead>
          <tr>
            <th scope="col">{t('settings.prices.model')}</th>
            <th scope="col">{t('settings.prices.input')}</th>
            <th scope="col">{t('settings.prices.output')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key}>
              <td>
                <input
                  className="input"
                  aria-label={t('settings.prices.modelN', { n: index + 1 })}
                  value={row.model}
                  onChange={(e) => edit(row.key, { model: e.target.value })}
                  spellCheck={false}
                />
              </td>
              <td>
                <input
                  className="input input--number"
                  type="number"
                  min={0}
                  step="any"
                  aria-label={t('settings.prices.inputFor', { model: row.model || index + 1 })}
                  value={row.input}
                  onChange={(e) => edit(row.key, { input: e.target.value })}
                />
              </td>
              <td>
                <input
                  className="input input--number"
                  type="number"
                  min={0}
                  step="any"
                  aria-label={t('settings.prices.outputFor', { model: row.model || index + 1 })}
                  value={row.output}
                  onChange={(e) => edit(row.key, { output: e.target.value })}
                />
              </td>
              <td>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                  aria-label={t('settings.prices.removeModel', { model: row.model || index + 1 })}
                >
                  {t('common.remove')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problem && (
        <p className="field__error" role="alert">
          {t(problem)}
        </p>
      )}
      <div className="button-row">
        <Button
          onClick={() =>
            setRows((current) => [
              ...current,
              { key: nextKey++, model: '', input: '0', output: '0' },
            ])
          }
        >
          {t('settings.prices.add')}
        </Button>
        <Button
          variant="primary"
          disabled={problem !== null}
          busy={update.isPending}
          onClick={save}
          data-testid="save-prices"
        >
          {t('common.save')}
        </Button>
      </div>
    </section>
  )
}

/** The first thing that would make the table invalid, as an i18n key. */
function findProblem(rows: PriceRow[]): string | null {
  const names = rows.map((row) => row.model.trim())
  if (names.some((name) => !name)) return 'settings.prices.errorName'
  if (new Set(names).size !== names.length) return 'settings.prices.errorDuplicate'
  const bad = (value: string) => value.trim() === '' || !(Number(value) >= 0)
  if (rows.some((row) => bad(row.input) || bad(row.output))) return 'settings.prices.errorPrice'
  return null
}
