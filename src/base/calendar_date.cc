// Calendar dates by day counts (H. Hinnant's algorithms) and the wall clock.
#include "base/calendar_date.h"

#include <cctype>
#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

namespace vigil {
namespace {

// Days since 1970-01-01 of a civil date, and back.
long long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153LL * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CalendarDate civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long d = doy - (153 * mp + 2) / 5 + 1;
  const long long m = mp < 10 ? mp + 3 : mp - 9;
  const long long y = yoe + era * 400 + (m <= 2);
  return CalendarDate{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

}  // namespace

CalendarDate CalendarDate::plus_days(int days) const {
  return civil_from_days(days_from_civil(year, month, day) + days);
}

int CalendarDate::weekday() const {
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  const long long z = days_from_civil(year, month, day);
  return static_cast<int>(((z + 3) % 7 + 7) % 7);
}

std::string CalendarDate::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

long long CalendarDate::days_since(const CalendarDate& other) const {
  return days_from_civil(year, month, day) - days_from_civil(other.year, other.month, other.day);
}

std::optional<CalendarDate> parse_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  const CalendarDate date{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)), std::stoi(text.substr(8, 2))};
  if (date.month < 1 || date.month > 12 || date.day < 1) return std::nullopt;
  if (date.year < kFirstDateYear || date.year > kLastDateYear) return std::nullopt;
  // A real date survives the round trip through a day count.
  if (date.plus_days(0) != date) return std::nullopt;
  return date;
}

long long wall_clock_seconds() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    const long long value = std::strtoll(epoch, &end, 10);
    if (*end == '\0' && value >= 0) return value;
  }
  return static_cast<long long>(std::time(nullptr));
}

std::string utc_iso_time(long long seconds) {
  const long long days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  const long long rest = seconds - days * 86400;
  const CalendarDate date = civil_from_days(days);
  return fmt::format("{}T{:02}:{:02}:{:02}Z", date.iso(), rest / 3600, rest / 60 % 60, rest % 60);
}

LocalMoment local_moment(long long seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm local{};
  localtime_r(&t, &local);
  return LocalMoment{CalendarDate{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday},
                     local.tm_hour * 60 + local.tm_min};
}

}  // namespace vigil
