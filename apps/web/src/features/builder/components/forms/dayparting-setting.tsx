import { useController } from 'react-hook-form';
import { SettingGroup } from './setting-field';

/**
 * When the ad group runs in the week: all day every day (null), or chosen hours. TikTok takes 336
 * characters, a 0 or 1 per half hour from Monday 00:00; the grid offers whole hours, each setting
 * its two half hours (an hour shows as chosen when either half is).
 */
const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const hours = Array.from({ length: 24 }, (_, hour) => hour);
const everyHour = '1'.repeat(336);

const twoDigits = (hour: number) => String(hour).padStart(2, '0');

export function hourIsChosen(dayparting: string, day: number, hour: number): boolean {
  const start = day * 48 + hour * 2;
  return dayparting[start] === '1' || dayparting[start + 1] === '1';
}

export function withHour(dayparting: string, day: number, hour: number, on: boolean): string {
  const start = day * 48 + hour * 2;
  const bit = on ? '1' : '0';
  return `${dayparting.slice(0, start)}${bit}${bit}${dayparting.slice(start + 2)}`;
}

export function DaypartingSetting() {
  const { field } = useController({ name: 'dayparting' });
  const dayparting = typeof field.value === 'string' ? field.value : null;
  return (
    <SettingGroup name="dayparting" legend="Dayparting">
      {(control) => (
        <>
          <div className="builder-form__choices">
            <label className="choice">
              <input
                type="radio"
                name="dayparting-choice"
                checked={dayparting === null}
                aria-invalid={control['aria-invalid']}
                disabled={control.disabled}
                onChange={() => field.onChange(null)}
              />
              <span>All day, every day</span>
            </label>
            <label className="choice">
              <input
                type="radio"
                name="dayparting-choice"
                checked={dayparting !== null}
                aria-invalid={control['aria-invalid']}
                disabled={control.disabled}
                onChange={() => field.onChange(everyHour)}
              />
              <span>Chosen hours</span>
            </label>
          </div>
          {dayparting !== null && (
            <div className="builder-form__daypart-scroll">
              <table className="builder-form__daypart">
                <caption className="visually-hidden">Hours of the week the ad group runs</caption>
                <thead>
                  <tr>
                    <td />
                    {hours.map((hour) => (
                      <th key={hour} scope="col">
                        {hour % 3 === 0 ? (
                          twoDigits(hour)
                        ) : (
                          <span className="visually-hidden">{twoDigits(hour)}</span>
                        )}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {days.map((day, dayIndex) => (
                    <tr key={day}>
                      <th scope="row">{day.slice(0, 3)}</th>
                      {hours.map((hour) => (
                        <td key={hour}>
                          <input
                            type="checkbox"
                            aria-label={`${day} ${twoDigits(hour)}:00–${twoDigits((hour + 1) % 24)}:00`}
                            checked={hourIsChosen(dayparting, dayIndex, hour)}
                            disabled={control.disabled}
                            onChange={(event) =>
                              field.onChange(withHour(dayparting, dayIndex, hour, event.target.checked))
                            }
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </SettingGroup>
  );
}
