#include "scenarios/database-savings-plan/database_savings_plan_commitment.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/rounding_policy.h"

namespace costproof {

// One breakpoint: at `position` dollars of commitment, one hour's next cent moves from
// covering class `from` to covering class `to` (to == classes() means "goes unused").
// (The Decimal fallback's form; the integer path uses Fixed::Event.)
struct CommitmentModel::Event {
  Decimal position;
  std::uint32_t from = 0, to = 0;
  Int128 key = 0;  // position x 10^S for a scale S shared by all events: sorting compares integers
};

namespace {
// A breakpoint of the integer path in one 64-bit word: A_kh x 10^S in the top 56 bits, the state
// the row's hours leave (`from`) and enter (`to`, classes() = unused) in 4 bits each. Eight bytes a
// breakpoint keep a year of four classes hour by hour (35,040 of them) small enough to sort in cache.
struct FixedBreakpoint {
  std::uint64_t word;
  std::uint64_t key() const { return word >> 8; }
  std::uint32_t from() const { return static_cast<std::uint32_t>((word >> 4) & 0xF); }
  std::uint32_t to() const { return static_cast<std::uint32_t>(word & 0xF); }
};
// A breakpoint with the hours of its row, while sorting when some row stands for more than one hour.
struct WeightedBreakpoint {
  std::uint64_t word;
  std::uint64_t weight;
};
constexpr std::int64_t kMaxKey = std::int64_t{1} << 56;
constexpr std::size_t kMaxFixedClasses = 15;  // states 0..15 fit 4 bits
// Equal runs are merged (sorted) only when the runs average at least this many hours: a profile of
// mostly distinct hours (an hourly CSV, random values) keeps one row per run, as sorting its rows
// would cost more than the walks it saves. Either way the results are the same.
constexpr std::size_t kMinHoursPerRunToMerge = 4;
}  // namespace

// The profile as exact integers at one scale, and its breakpoints sorted once.
// Every value v is held as v x 10^scale; the bounds checked in build_fixed() keep every
// sum below (hours x the largest hourly total x the slope factor) inside 128 bits.
// Rows: the distinct hours (or every hour), each with the number of hours it stands for.
struct CommitmentModel::Fixed {
  int scale = 0;                       // S: places of u_kh and a_kh
  std::size_t hours = 0, classes = 0;  // hours: the sum of the weights
  std::size_t rows = 0;
  int u_scale = 0;                     // places of the stored u: S minus the places of the factors
  std::vector<std::int64_t> u;         // u_kh x 10^u_scale, row-major, rows x classes
  std::vector<std::uint64_t> weight;   // hours of each row (> 0); empty: every row is one hour
  std::uint64_t weight_of_row(std::size_t r) const { return weight.empty() ? 1 : weight[r]; }
  std::vector<std::int64_t> factor;    // (1 - d_k) x 10^(S - u_scale)
  std::int64_t lift = 1;               // 10^(S - u_scale): u_kh x 10^S = u[h, k] x lift, a_kh x 10^S = u[h, k] x factor[k]
  std::vector<Int128> column_on_demand;  // sum_h u_kh
  std::int64_t max_row_a = 0;          // max_h A_Kh
  Int128 no_plan = 0;                  // sum over hours and classes of u_kh
  using Event = FixedBreakpoint;
  std::vector<Event> events;           // sorted by key, one per (row, class with usage)
  std::vector<std::uint64_t> event_weight;  // the hours of each event's row; empty: every row is one hour
  std::uint64_t weight_of(std::size_t event) const { return event_weight.empty() ? 1 : event_weight[event]; }
  std::size_t distinct = 0;            // distinct keys
  std::vector<std::size_t> initial;    // hours per state just above 0
  int slope_scale = 0;                 // places of the scaled slopes
  std::vector<std::int64_t> slope;     // L x slope of each state at slope_scale; [classes] = unused
};

namespace {

constexpr std::int64_t kMaxFixed = std::int64_t{1} << 62;  // headroom: sums of two never overflow int64

// 10^n as int64 for n in [0, 18].
constexpr std::array<std::int64_t, 19> kPow10 = [] {
  std::array<std::int64_t, 19> t{};
  std::int64_t r = 1;
  for (std::size_t i = 0; i < t.size(); ++i) {
    t[i] = r;
    if (i + 1 < t.size()) r *= 10;
  }
  return t;
}();
std::int64_t pow10_64(int n) { return kPow10[static_cast<std::size_t>(n)]; }

// `d` as an integer count of 10^-scale; false if it has more places or does not fit below kMaxFixed.
bool to_fixed(const Decimal& d, int scale, std::int64_t* out) {
  if (d.scale() > scale) {
    const Decimal n = d.normalized();
    if (n.scale() > scale) return false;
    return to_fixed(n, scale, out);
  }
  const Int128 v = d.coefficient();
  const int shift = scale - d.scale();
  if (v >= kMaxFixed || v <= -kMaxFixed) return false;
  if (shift > 18) return v == 0 ? (*out = 0, true) : false;
  std::int64_t r;
  if (__builtin_mul_overflow(static_cast<std::int64_t>(v), pow10_64(shift), &r) || r >= kMaxFixed || r <= -kMaxFixed)
    return false;
  *out = r;
  return true;
}

// Stable LSD radix sort of the events on their keys (bits 8..63 of the word), 11 bits a pass, only
// as many passes as the largest key needs (3 for keys below 2^33).
template <class Event>
void radix_sort(std::vector<Event>& events) {
  if (events.size() < 64) {
    std::stable_sort(events.begin(), events.end(), [](const Event& x, const Event& y) { return (x.word >> 8) < (y.word >> 8); });
    return;
  }
  std::uint64_t max_word = 0;
  for (const auto& e : events) max_word |= e.word;
  const int bits = max_word == 0 ? 0 : 64 - __builtin_clzll(max_word);
  constexpr int kBits = 11;
  constexpr std::size_t kBuckets = std::size_t{1} << kBits;
  std::vector<Event> buffer(events.size());
  std::vector<std::uint32_t> count(kBuckets);
  for (int shift = 8; shift < bits; shift += kBits) {
    std::fill(count.begin(), count.end(), 0);
    for (const auto& e : events) ++count[(e.word >> shift) & (kBuckets - 1)];
    std::uint32_t total = 0;
    for (auto& c : count) {
      const std::uint32_t n = c;
      c = total;
      total += n;
    }
    for (const auto& e : events) buffer[count[(e.word >> shift) & (kBuckets - 1)]++] = e;
    events.swap(buffer);
  }
}

Decimal count_times(std::size_t n, const Decimal& x) { return Decimal::from_int(static_cast<std::int64_t>(n)) * x; }

}  // namespace

CommitmentModel::CommitmentModel(std::vector<Decimal> discounts, const ExactMatrix& on_demand, Rows rows)
    : discounts_(std::move(discounts)), from_matrix_(true), on_demand_(on_demand) {
  if (on_demand_.cols() != static_cast<Eigen::Index>(discounts_.size()))
    throw std::invalid_argument("one column of hourly usage per discount class is needed");
  hours_ = static_cast<std::size_t>(on_demand_.rows());
  init(rows);
}

CommitmentModel::CommitmentModel(std::vector<Decimal> discounts, HourlyCost on_demand, Rows rows)
    : discounts_(std::move(discounts)), runs_(std::move(on_demand)) {
  for (const HourlyCostRun& run : runs_) {
    if (run.cost.size() != discounts_.size())
      throw std::invalid_argument("one column of hourly usage per discount class is needed");
    hours_ += run.hours;
  }
  init(rows);
}

template <class Visit>
void CommitmentModel::for_each_run(Visit visit) const {
  if (from_matrix_) {
    for (Eigen::Index h = 0; h < on_demand_.rows(); ++h)
      visit(std::size_t{1}, [&](std::size_t k) -> const Decimal& { return on_demand_(h, static_cast<Eigen::Index>(k)).value(); });
  } else {
    for (const HourlyCostRun& run : runs_)
      visit(run.hours, [&](std::size_t k) -> const Decimal& { return run.cost[k]; });
  }
}

void CommitmentModel::init(Rows rows) {
  const Decimal zero, one = Decimal::from_int(1);
  if (discounts_.empty()) throw std::invalid_argument("a commitment model needs at least one discount class");
  if (hours_ < 1) throw std::invalid_argument("a profile needs at least one hour");
  int u_scale = 0;
  const auto check = [&](const Decimal& u) {
    if (u.is_negative()) throw std::invalid_argument("usage cannot be negative");
    u_scale = std::max(u_scale, u.scale());
  };
  if (from_matrix_) {  // column by column: the matrix's storage order
    for (Eigen::Index k = 0; k < on_demand_.cols(); ++k)
      for (Eigen::Index h = 0; h < on_demand_.rows(); ++h) check(on_demand_(h, k).value());
  } else {
    for (const HourlyCostRun& run : runs_)
      for (const Decimal& u : run.cost) check(u);
  }
  for (std::size_t k = 0; k < discounts_.size(); ++k) {
    if (discounts_[k] <= zero || discounts_[k] >= one)
      throw std::invalid_argument("a discount must lie strictly between 0 and 1");
    if (k > 0 && discounts_[k] > discounts_[k - 1])
      throw std::invalid_argument("discount classes must be ordered highest discount first");
  }
  for (const auto& d : discounts_) factors_.push_back((one - d).normalized());
  scale_ = one;
  for (const auto& f : factors_) scale_ = scale_ * f;
  for (std::size_t k = 0; k < discounts_.size(); ++k) {
    Decimal p = one;
    for (std::size_t j = 0; j < discounts_.size(); ++j)
      if (j != k) p = p * factors_[j];
    others_product_.push_back(p);
  }
  build_fixed(u_scale, rows);
  if (fixed_ || from_matrix_) return;
  // The Decimal fallback walks the hours one by one.
  on_demand_.resize(static_cast<Eigen::Index>(hours_), static_cast<Eigen::Index>(classes()));
  Eigen::Index h = 0;
  for (const HourlyCostRun& run : runs_)
    for (std::size_t i = 0; i < run.hours; ++i, ++h)
      for (std::size_t k = 0; k < classes(); ++k)
        on_demand_(h, static_cast<Eigen::Index>(k)) = ExactScalar(run.cost[k]);
}

std::size_t CommitmentModel::integer_rows() const { return fixed_ ? fixed_->rows : 0; }

Decimal CommitmentModel::discounted(Eigen::Index h, Eigen::Index k) const {
  return on_demand_(h, k).value() * factors_[static_cast<std::size_t>(k)];
}

// Converts the profile to fixed-scale integers (merging equal hours into weighted rows unless
// `rows` says every hour), builds and sorts the breakpoints. Leaves fixed_ null (the Decimal
// fallback) when a value or a bound does not fit.
void CommitmentModel::build_fixed(int u_scale, Rows rows) {
  const std::size_t n = hours(), kc = classes();
  if (kc > kMaxFixedClasses) return;
  auto f = std::make_shared<Fixed>();
  f->hours = n;
  f->classes = kc;
  // S = (most places of any u) + (most places of any 1 - d_k): every a_kh = (1 - d_k) u_kh is exact at S.
  int factor_scale = 0;
  for (const auto& x : factors_) factor_scale = std::max(factor_scale, x.scale());
  if (factor_scale > 18) return;
  if (u_scale + factor_scale > 18) {  // raw scales may carry trailing zeros: try the normalized ones
    u_scale = 0;
    for_each_run([&](std::size_t, const auto& cost) {
      for (std::size_t k = 0; k < kc; ++k) u_scale = std::max(u_scale, cost(k).normalized().scale());
    });
    if (u_scale + factor_scale > 18) return;
  }
  f->scale = u_scale + factor_scale;
  f->u_scale = u_scale;
  f->factor.resize(kc);
  for (std::size_t k = 0; k < kc; ++k)
    if (!to_fixed(factors_[k], factor_scale, &f->factor[k])) return;
  f->lift = pow10_64(factor_scale);
  // A value below kMaxKey / lift keeps u x lift (and a = u x factor < u x lift) below kMaxKey.
  const std::int64_t max_u = kMaxKey / f->lift;
  // The break-even walk multiplies a slope sum (< hours x 2^40) by a commitment step (< 2^62) and
  // adds L x the no-plan cost: keep hours x 2^102 (and hours x the largest hourly total x L) in range.
  if (n >= (std::size_t{1} << 20)) return;
  // Each run as integers (a run equal to the one before extends it); the hourly totals
  // (sum_k u_kh x 10^S, and A_Kh below it) must fit too, then every sum over hours fits 128 bits.
  // run_hours empty: every run is one hour (a matrix with no two equal hours in a row).
  std::vector<std::int64_t> run_u;
  std::vector<std::uint64_t> run_hours;
  std::size_t runs = 0;
  std::array<Int128, kMaxFixedClasses> column{};  // sum_h u_kh at u_scale
  if (from_matrix_) {
    // Column by column (the matrix's storage order), then equal consecutive rows joined in place.
    run_u.resize(n * kc);
    for (std::size_t k = 0; k < kc; ++k) {
      std::int64_t* out = run_u.data() + k;
      for (Eigen::Index h = 0; h < on_demand_.rows(); ++h, out += kc) {
        if (!to_fixed(on_demand_(h, static_cast<Eigen::Index>(k)).value(), u_scale, out) || *out >= max_u) return;
        column[k] += *out;
      }
    }
    const auto row = [&](std::size_t r) { return run_u.data() + r * kc; };
    const auto same = [&](std::size_t x, std::size_t y) {  // a plain loop: std::equal calls memcmp per row
      for (std::size_t k = 0; k < kc; ++k)
        if (row(x)[k] != row(y)[k]) return false;
      return true;
    };
    bool joined = false;
    for (std::size_t h = 0; h < n; ++h) {
      const std::int64_t *values = row(h), *previous = h > 0 ? row(h - 1) : values;
      std::int64_t row_u = 0;
      bool repeat = h > 0;
      for (std::size_t k = 0; k < kc; ++k) {
        if ((row_u += values[k]) >= max_u) return;
        repeat = repeat && values[k] == previous[k];
      }
      joined = joined || repeat;
    }
    runs = n;
    if (joined) {
      runs = 0;
      run_hours.reserve(n);
      for (std::size_t h = 0; h < n; ++h) {
        if (runs > 0 && same(h, runs - 1)) {
          ++run_hours.back();
          continue;
        }
        std::copy(row(h), row(h) + kc, row(runs++));
        run_hours.push_back(1);
      }
    }
  } else {
    run_u.resize(runs_.size() * kc);
    run_hours.resize(runs_.size());
    bool fits = true;
    for_each_run([&](std::size_t hours, const auto& cost) {
      if (!fits || hours == 0) return;
      std::int64_t* values = &run_u[runs * kc];
      std::int64_t row_u = 0;
      bool repeat = runs > 0;
      for (std::size_t k = 0; k < kc; ++k) {
        if (!to_fixed(cost(k), u_scale, &values[k]) || values[k] >= max_u || (row_u += values[k]) >= max_u) {
          fits = false;
          return;
        }
        repeat = repeat && values[k] == run_u[(runs - 1) * kc + k];
        column[k] += static_cast<Int128>(values[k]) * static_cast<Int128>(hours);
      }
      if (repeat)
        run_hours[runs - 1] += hours;
      else
        run_hours[runs++] = hours;
    });
    if (!fits) return;
    run_hours.resize(runs);
  }
  run_u.resize(runs * kc);
  if (runs == n) {  // every run one hour: no weights, whatever `rows` says
    f->u = std::move(run_u);
  } else if (rows == Rows::kEveryHour) {
    f->u.reserve(n * kc);
    for (std::size_t r = 0; r < runs; ++r)
      for (std::uint64_t i = 0; i < run_hours[r]; ++i) f->u.insert(f->u.end(), &run_u[r * kc], &run_u[r * kc] + kc);
  } else if (runs * kMinHoursPerRunToMerge > n) {  // runs mostly one hour long: a sort would cost more than it saves
    f->u = std::move(run_u);
    f->weight = std::move(run_hours);
  } else {  // equal rows next to each other (lexicographic order), then one row each with the hours added
    std::vector<std::size_t> order(runs);
    for (std::size_t r = 0; r < runs; ++r) order[r] = r;
    const auto row = [&](std::size_t r) { return run_u.begin() + static_cast<std::ptrdiff_t>(r * kc); };
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      return std::lexicographical_compare(row(x), row(x) + static_cast<std::ptrdiff_t>(kc), row(y),
                                          row(y) + static_cast<std::ptrdiff_t>(kc));
    });
    for (std::size_t i = 0; i < runs; ++i) {
      const std::size_t r = order[i];
      if (i > 0 && std::equal(row(r), row(r) + static_cast<std::ptrdiff_t>(kc), row(order[i - 1]))) {
        f->weight.back() += run_hours[r];
        continue;
      }
      f->u.insert(f->u.end(), row(r), row(r) + static_cast<std::ptrdiff_t>(kc));
      f->weight.push_back(run_hours[r]);
    }
  }
  f->rows = f->u.size() / kc;
  // Scaled slopes as integers at one scale.
  std::vector<Decimal> slopes;
  for (std::size_t s = 0; s <= kc; ++s) slopes.push_back(slope_of_state(s).normalized());
  for (const auto& s : slopes) f->slope_scale = std::max(f->slope_scale, s.scale());
  if (f->slope_scale > 12 || f->scale + f->slope_scale > kMaxDecimalScale) return;
  for (const auto& s : slopes) {
    std::int64_t v;
    if (!to_fixed(s, f->slope_scale, &v) || v >= (std::int64_t{1} << 40) || v <= -(std::int64_t{1} << 40)) return;
    f->slope.push_back(v);
  }
  // Breakpoints: one per (row, class with usage), at the running total A_kh, weighted by the row's hours.
  const bool weighted = !f->weight.empty();
  std::vector<WeightedBreakpoint> weighted_events;
  if (weighted)
    weighted_events.reserve(f->rows * kc);
  else
    f->events.reserve(f->rows * kc);
  f->initial.assign(kc + 1, 0);
  for (std::size_t r = 0; r < f->rows; ++r) {
    const std::int64_t* row = &f->u[r * kc];
    const std::uint64_t w = f->weight_of_row(r);
    std::int64_t cumulative = 0;
    std::size_t first = kc;
    for (std::size_t k = 0; k < kc; ++k) {
      if (row[k] == 0) continue;
      if (first == kc) first = k;
      cumulative += row[k] * f->factor[k];
      std::size_t next = k + 1;
      while (next < kc && row[next] == 0) ++next;
      const std::uint64_t word = static_cast<std::uint64_t>(cumulative) << 8 | k << 4 | next;
      if (weighted)
        weighted_events.push_back({word, w});
      else
        f->events.push_back({word});
    }
    f->max_row_a = std::max(f->max_row_a, cumulative);
    f->initial[first] += w;
  }
  for (std::size_t k = 0; k < kc; ++k) {
    f->column_on_demand.push_back(column[k] * f->lift);
    f->no_plan += f->column_on_demand.back();
  }
  if (weighted) {
    radix_sort(weighted_events);
    const std::size_t count = weighted_events.size();
    f->events.resize(count);
    f->event_weight.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
      f->events[i] = {weighted_events[i].word};
      f->event_weight[i] = weighted_events[i].weight;
    }
  } else {
    radix_sort(f->events);
  }
  for (std::size_t i = 0; i < f->events.size(); ++i)
    if (i == 0 || f->events[i].key() != f->events[i - 1].key()) ++f->distinct;
  fixed_ = std::move(f);
}

Decimal CommitmentModel::slope_of_state(std::size_t state) const {
  // In class k's segment one more dollar of commitment replaces 1/(1 - d_k) dollars of On-Demand
  // usage: slope 1 - 1/(1 - d_k) = -d_k/(1 - d_k), times L = -d_k x product_(j != k) (1 - d_j).
  if (state == classes()) return scale_;  // the dollar goes unused: +1, times L
  return -(discounts_[state] * others_product_[state]);
}

// L x dT/dc for hours counted per state, as a Decimal with `scale` places (the places the
// step-by-step Decimal walk of earlier versions produced, so the printed text is unchanged).
Decimal CommitmentModel::slope_from_counts(const std::vector<std::size_t>& counts, int scale) const {
  Decimal slope;
  for (std::size_t s = 0; s < counts.size(); ++s) slope += count_times(counts[s], slope_of_state(s));
  return slope.scale() < scale ? slope.rounded(scale, RoundingMode::kDown) : slope;  // exact: only adds zeros
}

std::vector<CommitmentModel::Event> CommitmentModel::sorted_events() const {
  std::vector<Event> events;
  const auto k_count = static_cast<Eigen::Index>(classes());
  events.reserve(hours() * classes());
  for (Eigen::Index h = 0; h < on_demand_.rows(); ++h) {
    Decimal cumulative;
    for (Eigen::Index k = 0; k < k_count; ++k) {
      const Decimal a = discounted(h, k);
      if (a.is_zero()) continue;
      cumulative += a;
      Eigen::Index next = k + 1;
      while (next < k_count && on_demand_(h, next).value().is_zero()) ++next;
      events.push_back({cumulative, static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(next)});
    }
  }
  // Sort on exact integer keys (position x 10^S, S the largest scale) when they fit in 37 digits;
  // Decimal comparisons give the same order but cost a rescale each.
  int scale = 0;
  for (auto& e : events) {
    e.position = e.position.normalized();
    scale = std::max(scale, e.position.scale());
  }
  bool keys_fit = true;
  for (auto& e : events) {
    std::string digits = e.position.rounded(scale, RoundingMode::kDown).to_string();  // exact: scale only grows
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    if (digits.size() > 37) {
      keys_fit = false;
      break;
    }
    Int128 key = 0;
    for (const char c : digits) key = key * 10 + (c - '0');
    e.key = key;
  }
  if (keys_fit) {
    std::sort(events.begin(), events.end(), [](const Event& x, const Event& y) { return x.key < y.key; });
  } else {
    std::sort(events.begin(), events.end(), [](const Event& x, const Event& y) { return x.position < y.position; });
    Int128 rank = 0;  // keys become ranks: equal positions, equal keys
    for (std::size_t i = 0; i < events.size(); ++i) {
      if (i > 0 && !(events[i].position == events[i - 1].position)) ++rank;
      events[i].key = rank;
    }
  }
  return events;
}

// The state of each hour at a commitment just above 0: its first class with usage, or "unused".
std::vector<std::size_t> CommitmentModel::initial_counts() const {
  if (fixed_) return fixed_->initial;
  std::vector<std::size_t> counts(classes() + 1, 0);
  for (Eigen::Index h = 0; h < on_demand_.rows(); ++h) {
    std::size_t state = classes();
    for (std::size_t k = 0; k < classes(); ++k)
      if (!on_demand_(h, static_cast<Eigen::Index>(k)).value().is_zero()) {
        state = k;
        break;
      }
    ++counts[state];
  }
  return counts;
}

namespace {

struct FixedSums {
  Int128 full_on_demand = 0, full_discounted = 0, partial_commitment = 0;
  std::size_t full_hours = 0, partial_hours = 0;
};

// The walk of evaluate() over the rows on integers, each row's values times its hours (`weight`,
// or 1 for every row when kWeighted is false: no multiplications then): T = int64 with the
// commitment at the model's scale S, or Int128 with every value lifted by `m` = 10^(places of
// c - S) when c has more places than S (a break-even commitment carried to 10 places, a chart step).
template <bool kWeighted, class T>
void fixed_walk(const std::vector<std::int64_t>& u_stored, const std::vector<std::uint64_t>& weight, std::size_t rows,
                std::size_t kc, const std::vector<std::int64_t>& factor, std::int64_t lift, T c, T m,
                std::vector<FixedSums>& sums, Int128& unused, std::size_t& hours_below) {
  const std::int64_t* row = u_stored.data();
  for (std::size_t r = 0; r < rows; ++r, row += kc) {
    const std::uint64_t hours = kWeighted ? weight[r] : 1;
    const auto times_hours = [&](T x) {
      if constexpr (kWeighted)
        return static_cast<Int128>(x) * static_cast<Int128>(hours);
      else
        return static_cast<Int128>(x);
    };
    T remaining = c, hour_on_demand = 0;
    for (std::size_t k = 0; k < kc; ++k) {
      const T u = static_cast<T>(row[k] * lift) * m, a = static_cast<T>(row[k] * factor[k]) * m;
      hour_on_demand += u;
      if (a == 0 || remaining == 0) continue;
      FixedSums& s = sums[k];
      if (remaining >= a) {
        s.full_on_demand += times_hours(u);
        s.full_discounted += times_hours(a);
        s.full_hours += hours;
        remaining -= a;
      } else {
        s.partial_commitment += times_hours(remaining);
        s.partial_hours += hours;
        remaining = 0;
      }
    }
    unused += times_hours(remaining);
    if (hour_on_demand < c) hours_below += hours;
  }
}

// fixed_walk() on the model's rows, without the weights when every row is one hour.
template <class T>
void fixed_walk_rows(const std::vector<std::int64_t>& u_stored, const std::vector<std::uint64_t>& weight,
                     std::size_t rows, std::size_t kc, const std::vector<std::int64_t>& factor, std::int64_t lift,
                     T c, T m, std::vector<FixedSums>& sums, Int128& unused, std::size_t& hours_below) {
  if (weight.empty())
    fixed_walk<false, T>(u_stored, weight, rows, kc, factor, lift, c, m, sums, unused, hours_below);
  else
    fixed_walk<true, T>(u_stored, weight, rows, kc, factor, lift, c, m, sums, unused, hours_below);
}

}  // namespace

namespace {

// The parts of an outcome that follow from each class's sums (on_demand, fully covered at
// On-Demand and discounted rates, partial_commitment, set by either evaluation path):
// V_k = F_k + S_k / (1 - d_k) carried to 10 places, commitment used, and the totals.
void finish_outcome(CommitmentOutcome& out) {
  const Decimal one = Decimal::from_int(1);
  for (ClassCoverage& cc : out.classes) {
    cc.partial_on_demand = Money(carried_quotient(cc.partial_commitment.usd(), one - cc.discount, &cc.partial_exact));
    cc.covered_on_demand = cc.fully_covered_on_demand + cc.partial_on_demand;
    cc.commitment_used = cc.fully_covered_discounted + cc.partial_commitment;
    out.eligible_on_demand += cc.on_demand;
    out.covered_on_demand += cc.covered_on_demand;
    out.covered_exact = out.covered_exact && cc.partial_exact;
    out.used += cc.commitment_used;
  }
  out.left_on_demand = out.eligible_on_demand - out.covered_on_demand;
  out.eligible_cost = out.paid + out.left_on_demand;
  out.saving = out.eligible_on_demand - out.eligible_cost;
}

// The outcome of the integer path from its sums (at `sum_scale` places) and the model's columns (at `scale`).
CommitmentOutcome fixed_outcome(const Decimal& commitment, std::size_t hours, const std::vector<Decimal>& discounts,
                                const std::vector<Int128>& column_on_demand, int scale,
                                const std::vector<FixedSums>& sums, Int128 unused, std::size_t hours_below,
                                int sum_scale) {
  CommitmentOutcome out;
  out.commitment = UnitPrice(commitment);
  out.hours = hours;
  out.paid = Money(count_times(hours, commitment));
  out.unused = Money(Decimal::from_scaled(unused, sum_scale));
  out.hours_below = hours_below;
  out.classes.resize(sums.size());
  for (std::size_t k = 0; k < sums.size(); ++k) {
    ClassCoverage& cc = out.classes[k];
    const FixedSums& s = sums[k];
    cc.discount = discounts[k];
    cc.full_hours = s.full_hours;
    cc.partial_hours = s.partial_hours;
    cc.on_demand = Money(Decimal::from_scaled(column_on_demand[k], scale));
    cc.fully_covered_on_demand = Money(Decimal::from_scaled(s.full_on_demand, sum_scale));
    cc.fully_covered_discounted = Money(Decimal::from_scaled(s.full_discounted, sum_scale));
    cc.partial_commitment = Money(Decimal::from_scaled(s.partial_commitment, sum_scale));
  }
  finish_outcome(out);
  return out;
}

}  // namespace

CommitmentOutcome CommitmentModel::evaluate(const Decimal& commitment) const {
  if (commitment.is_negative()) throw std::invalid_argument("a commitment cannot be negative");
  if (!fixed_) return evaluate_decimal(commitment);
  const Fixed& f = *fixed_;
  const std::size_t kc = f.classes;
  std::vector<FixedSums> sums(kc);
  Int128 unused = 0;
  std::size_t hours_below = 0;
  int sum_scale = f.scale;  // places of the sums
  Int128 lifted = 1;        // 10^(sum_scale - S)
  std::int64_t c = 0;
  if (to_fixed(commitment, f.scale, &c)) {
    fixed_walk_rows<std::int64_t>(f.u, f.weight, f.rows, kc, f.factor, f.lift, c, 1, sums, unused, hours_below);
  } else {
    // More places than S: lift everything to the commitment's places in 128 bits, if the sums
    // (hours x the largest hourly total x the lift) stay in range; else Decimal.
    const Decimal n = commitment.normalized();
    const Int128 c128 = n.coefficient();
    if (n.scale() <= f.scale || n.scale() - f.scale > 18 || n.scale() > kMaxDecimalScale)
      return evaluate_decimal(commitment);
    sum_scale = n.scale();
    lifted = pow10_64(sum_scale - f.scale);
    // Every lifted value (and c) below cap = 2^56 x lift; every sum below cap x (hours + 1) < 2^125.
    Int128 cap = kMaxKey, bound = 0;
    if (__builtin_mul_overflow(cap, lifted, &cap) || c128 >= cap ||
        __builtin_mul_overflow(cap, static_cast<Int128>(f.hours + 1), &bound) || bound >= (Int128{1} << 125))
      return evaluate_decimal(commitment);
    fixed_walk_rows<Int128>(f.u, f.weight, f.rows, kc, f.factor, f.lift, c128, lifted, sums, unused, hours_below);
  }
  return fixed_outcome(commitment, f.hours, discounts_, f.column_on_demand, f.scale, sums, unused, hours_below,
                       sum_scale);
}

std::vector<CommitmentOutcome> CommitmentModel::evaluate_many(const std::vector<Decimal>& commitments) const {
  for (std::size_t i = 0; i < commitments.size(); ++i) {
    if (commitments[i].is_negative()) throw std::invalid_argument("a commitment cannot be negative");
    if (i > 0 && commitments[i] < commitments[i - 1])
      throw std::invalid_argument("evaluate_many: the commitments must be in ascending order");
  }
  std::vector<CommitmentOutcome> out;
  out.reserve(commitments.size());
  if (!fixed_ || commitments.size() < 3) {  // one walk each is as cheap
    for (const Decimal& c : commitments) out.push_back(evaluate(c));
    return out;
  }
  const Fixed& f = *fixed_;
  const std::size_t kc = f.classes;
  // The commitments that fit the model's scale S (the others, with more places, take the single walk).
  std::vector<std::int64_t> cs;
  std::vector<std::size_t> at;  // index in `commitments` of each entry of cs
  for (std::size_t i = 0; i < commitments.size(); ++i) {
    std::int64_t c = 0;
    if (to_fixed(commitments[i], f.scale, &c)) {
      cs.push_back(c);
      at.push_back(i);
    }
  }
  // In hour h, with remaining = max(0, c - A_(k-1)h), class k (a_kh > 0) is fully covered when
  // A_kh <= c and partly covered (paying c - A_(k-1)h) when A_(k-1)h < c < A_kh; c - A_Kh is unused
  // when positive; the hour counts below c when its On-Demand total is. So each hour adds its values
  // to the first commitment that passes its breakpoint (a binary search among the commitments, no
  // sort of the breakpoints), and a prefix sum over the commitments gives every walk's sums at once.
  const std::size_t n = cs.size();
  struct Bucket {  // what the hours first reached at this commitment add, per class
    std::size_t full = 0, started = 0;
    Int128 u = 0, a = 0, full_before = 0, started_before = 0;
  };
  std::vector<Bucket> buckets((n + 1) * kc);  // [commitment index or n = never] x classes
  std::vector<std::size_t> ended(n + 1), below(n + 1);
  std::vector<Int128> ended_sum(n + 1);
  const auto first_at_least = [&](std::int64_t key) {  // first commitment >= key
    return static_cast<std::size_t>(std::lower_bound(cs.begin(), cs.end(), key) - cs.begin());
  };
  const auto first_above = [&](std::int64_t key) {  // first commitment > key
    return static_cast<std::size_t>(std::upper_bound(cs.begin(), cs.end(), key) - cs.begin());
  };
  const std::int64_t* row = f.u.data();
  for (std::size_t r = 0; r < f.rows; ++r, row += kc) {
    const std::uint64_t w = f.weight_of_row(r);
    const auto w128 = static_cast<Int128>(w);
    std::int64_t before = 0, total = 0;
    for (std::size_t k = 0; k < kc; ++k) {
      const std::int64_t u = row[k] * f.lift, a = row[k] * f.factor[k];
      total += u;
      if (a == 0) continue;
      Bucket& full = buckets[first_at_least(before + a) * kc + k];
      full.full += w;
      full.u += u * w128;
      full.a += a * w128;
      full.full_before += before * w128;
      Bucket& start = buckets[first_above(before) * kc + k];
      start.started += w;
      start.started_before += before * w128;
      before += a;
    }
    const std::size_t e = first_above(before);
    ended[e] += w;
    ended_sum[e] += before * w128;
    below[first_above(total)] += w;
  }
  std::vector<Bucket> run(kc);
  std::size_t ended_count = 0, below_count = 0;
  Int128 ended_total = 0;
  std::vector<std::optional<CommitmentOutcome>> fixed_out(commitments.size());
  for (std::size_t j = 0; j < n; ++j) {
    const Int128 c = cs[j];
    std::vector<FixedSums> sums(kc);
    for (std::size_t k = 0; k < kc; ++k) {
      Bucket& r = run[k];
      const Bucket& b = buckets[j * kc + k];
      r.full += b.full;
      r.started += b.started;
      r.u += b.u;
      r.a += b.a;
      r.full_before += b.full_before;
      r.started_before += b.started_before;
      FixedSums& s = sums[k];
      s.full_hours = r.full;
      s.full_on_demand = r.u;
      s.full_discounted = r.a;
      s.partial_hours = r.started - r.full;
      s.partial_commitment = static_cast<Int128>(s.partial_hours) * c - (r.started_before - r.full_before);
    }
    ended_count += ended[j];
    ended_total += ended_sum[j];
    below_count += below[j];
    fixed_out[at[j]] = fixed_outcome(commitments[at[j]], f.hours, discounts_, f.column_on_demand, f.scale, sums,
                                     static_cast<Int128>(ended_count) * c - ended_total, below_count, f.scale);
  }
  for (std::size_t i = 0; i < commitments.size(); ++i)
    out.push_back(fixed_out[i] ? std::move(*fixed_out[i]) : evaluate(commitments[i]));
  return out;
}

CommitmentOutcome CommitmentModel::evaluate_decimal(const Decimal& commitment) const {
  // Plain Decimal sums in the hourly loop (USD over the profile); Money once, at the end.
  struct Sums {
    Decimal on_demand, full_on_demand, full_discounted, partial_commitment;
  };
  std::vector<Sums> sums(classes());
  Decimal unused;
  CommitmentOutcome out;
  out.commitment = UnitPrice(commitment);
  out.hours = hours();
  out.paid = Money(count_times(hours(), commitment));
  out.classes.resize(classes());
  for (Eigen::Index h = 0; h < on_demand_.rows(); ++h) {
    Decimal remaining = commitment, hour_on_demand;
    for (std::size_t k = 0; k < classes(); ++k) {
      const auto col = static_cast<Eigen::Index>(k);
      const Decimal& u = on_demand_(h, col).value();
      const Decimal a = discounted(h, col);
      Sums& s = sums[k];
      s.on_demand += u;
      hour_on_demand += u;
      if (a.is_zero() || remaining.is_zero()) continue;
      if (remaining >= a) {
        s.full_on_demand += u;
        s.full_discounted += a;
        ++out.classes[k].full_hours;
        remaining -= a;
      } else {
        s.partial_commitment += remaining;
        ++out.classes[k].partial_hours;
        remaining = Decimal();
      }
    }
    unused += remaining;
    if (hour_on_demand < commitment) ++out.hours_below;
  }
  out.unused = Money(unused);
  for (std::size_t k = 0; k < classes(); ++k) {
    ClassCoverage& cc = out.classes[k];
    const Sums& s = sums[k];
    cc.discount = discounts_[k];
    cc.on_demand = Money(s.on_demand);
    cc.fully_covered_on_demand = Money(s.full_on_demand);
    cc.fully_covered_discounted = Money(s.full_discounted);
    cc.partial_commitment = Money(s.partial_commitment);
  }
  finish_outcome(out);
  return out;
}

Decimal CommitmentModel::scaled_cost(const Decimal& commitment) const {
  if (commitment.is_negative()) throw std::invalid_argument("a commitment cannot be negative");
  Decimal total = count_times(hours(), commitment) * scale_;
  for_each_run([&](std::size_t hours, const auto& cost) {
    Decimal remaining = commitment, hour;  // hour: L x (one hour's cost) - L x c
    for (std::size_t k = 0; k < classes(); ++k) {
      const Decimal a = cost(k) * factors_[k];
      hour += cost(k) * scale_;
      const Decimal covered = remaining >= a ? a : remaining;  // commitment dollars spent on class k
      remaining -= covered;
      hour -= covered * others_product_[k];  // L x covered / (1 - d_k)
    }
    total += count_times(hours, hour);
  });
  return total;
}

std::vector<Decimal> CommitmentModel::candidates() const {
  std::vector<Decimal> out{Decimal()};
  if (fixed_) {
    std::uint64_t last = 0;
    for (const auto& e : fixed_->events)
      if (e.key() != last) {
        out.push_back(Decimal::from_scaled(static_cast<Int128>(e.key()), fixed_->scale).normalized());
        last = e.key();
      }
    return out;
  }
  for (const auto& e : sorted_events())
    if (!(e.position == out.back())) out.push_back(e.position);
  return out;
}

OptimumDetail CommitmentModel::optimise() const {
  OptimumDetail out;
  auto record = [&](const Decimal& c, const std::vector<std::size_t>& above, const std::vector<std::size_t>& below,
                    const Decimal& slope_above, const Decimal& slope_below) {
    out.commitment = UnitPrice(c);
    out.class_hours_above.assign(above.begin(), above.end() - 1);
    out.unused_hours_above = above.back();
    out.class_hours_below.assign(below.begin(), below.end() - 1);
    out.unused_hours_below = below.back();
    out.slope_above_scaled = slope_above;
    out.slope_below_scaled = slope_below;
  };
  std::vector<std::size_t> counts = initial_counts();
  Decimal slope;
  for (std::size_t s = 0; s <= classes(); ++s) slope += count_times(counts[s], slope_of_state(s));

  if (fixed_) {
    // The same walk on integers. The printed slopes keep the places the Decimal walk gives them:
    // the initial sum's, widened by the places of every state an event has touched so far.
    const Fixed& f = *fixed_;
    out.candidates = 1 + f.distinct;
    if (!slope.is_negative()) {
      record(Decimal(), counts, std::vector<std::size_t>(classes() + 1, 0), slope, Decimal());
      return out;
    }
    const int initial_scale = slope.scale();
    std::int64_t islope = 0;
    for (std::size_t s = 0; s <= classes(); ++s) islope += static_cast<std::int64_t>(counts[s]) * f.slope[s];
    std::vector<int> state_scale;
    for (std::size_t s = 0; s <= classes(); ++s) state_scale.push_back(slope_of_state(s).scale());
    int touched_scale = initial_scale;
    const auto& ev = f.events;
    const std::uint64_t* weights = f.event_weight.empty() ? nullptr : f.event_weight.data();  // null: all 1
    std::size_t i = 0;
    while (i < ev.size()) {
      const std::size_t group = i;
      const std::uint64_t key = ev[i].key();
      const int scale_before = touched_scale;
      const auto apply_group = [&](auto weight_at) {  // the events at `key`; weight_at(i): their hours
        for (; i < ev.size() && ev[i].key() == key; ++i) {
          const std::uint32_t from = ev[i].from(), to = ev[i].to();
          const std::uint64_t w = weight_at(i);
          counts[from] -= w;
          counts[to] += w;
          islope += static_cast<std::int64_t>(w) * (f.slope[to] - f.slope[from]);
          touched_scale = std::max({touched_scale, state_scale[to], state_scale[from]});
        }
      };
      if (weights)
        apply_group([&](std::size_t j) { return weights[j]; });
      else
        apply_group([](std::size_t) { return std::uint64_t{1}; });  // every row one hour: no look-up
      if (islope >= 0) {  // convex: the first breakpoint where the cost stops falling
        std::vector<std::size_t> before = counts;
        for (std::size_t j = group; j < i; ++j) {
          before[ev[j].from()] += f.weight_of(j);
          before[ev[j].to()] -= f.weight_of(j);
        }
        record(Decimal::from_scaled(static_cast<Int128>(key), f.scale).normalized(), counts, before,
               slope_from_counts(counts, touched_scale), slope_from_counts(before, scale_before));
        return out;
      }
    }
    throw std::logic_error("commitment optimiser: no breakpoint with a non-negative slope");
  }

  const auto events = sorted_events();
  std::vector<Decimal> state_slopes;
  for (std::size_t s = 0; s <= classes(); ++s) state_slopes.push_back(slope_of_state(s));
  out.candidates = 1;
  for (std::size_t i = 0; i < events.size(); ++i)
    if (i == 0 || events[i].key != events[i - 1].key) ++out.candidates;
  if (slope >= Decimal()) {  // even the first cent costs more than it saves: no commitment
    record(Decimal(), counts, std::vector<std::size_t>(classes() + 1, 0), slope, Decimal());
    return out;
  }
  std::size_t i = 0;
  while (i < events.size()) {
    const Decimal position = events[i].position;
    const Int128 key = events[i].key;
    const std::vector<std::size_t> before = counts;
    const Decimal slope_before = slope;
    for (; i < events.size() && events[i].key == key; ++i) {
      --counts[events[i].from];
      ++counts[events[i].to];
      slope += state_slopes[events[i].to] - state_slopes[events[i].from];
    }
    if (slope >= Decimal()) {  // convex: the first breakpoint where the cost stops falling
      record(position, counts, before, slope, slope_before);
      return out;
    }
  }
  // Unreachable: past the last breakpoint every hour is "unused" and the slope is hours x L > 0.
  throw std::logic_error("commitment optimiser: no breakpoint with a non-negative slope");
}

Decimal CommitmentModel::max_useful_commitment() const {
  if (fixed_) return Decimal::from_scaled(fixed_->max_row_a, fixed_->scale);
  Decimal best;
  for (Eigen::Index h = 0; h < on_demand_.rows(); ++h) {
    Decimal total;
    for (Eigen::Index k = 0; k < on_demand_.cols(); ++k) total += discounted(h, k);
    if (total > best) best = total;
  }
  return best;
}

Decimal CommitmentModel::break_even_commitment(bool* exact) const {
  std::vector<std::size_t> counts = initial_counts();
  if (fixed_) {
    // Walk T~(c) = L x cost from c = 0 on integers: positions at S places, slopes at slope_scale,
    // costs at S + slope_scale (all within 128 bits by the bounds of build_fixed()).
    const Fixed& f = *fixed_;
    const Int128 l = f.slope[classes()];  // L at slope_scale
    const Int128 no_plan = f.no_plan * l;
    Int128 slope = 0, cost = no_plan;
    for (std::size_t s = 0; s <= classes(); ++s) slope += static_cast<Int128>(counts[s]) * f.slope[s];
    std::uint64_t position = 0;
    const auto& ev = f.events;
    const std::uint64_t* weights = f.event_weight.empty() ? nullptr : f.event_weight.data();  // null: all 1
    std::size_t i = 0;
    while (i < ev.size()) {
      const std::uint64_t next = ev[i].key();
      const Int128 cost_at_next = cost + slope * static_cast<Int128>(next - position);
      if (cost_at_next > no_plan) break;  // the saving turns negative before `next`
      position = next;
      cost = cost_at_next;
      for (; i < ev.size() && ev[i].key() == next; ++i)
        slope += static_cast<Int128>(weights ? weights[i] : 1) * (f.slope[ev[i].to()] - f.slope[ev[i].from()]);
    }
    const Decimal at = position == 0 ? Decimal() : Decimal::from_scaled(static_cast<Int128>(position), f.scale).normalized();
    if (cost == no_plan || slope <= 0) {
      if (exact) *exact = true;
      return at;
    }
    const int cost_scale = f.scale + f.slope_scale;
    return at + carried_quotient_floor(Decimal::from_scaled(no_plan - cost, cost_scale),
                                       Decimal::from_scaled(slope, f.slope_scale), exact);
  }
  const auto events = sorted_events();
  Decimal slope;
  for (std::size_t s = 0; s <= classes(); ++s) slope += count_times(counts[s], slope_of_state(s));
  Decimal no_plan;  // L x cost without a plan
  for (Eigen::Index h = 0; h < on_demand_.rows(); ++h) no_plan += on_demand_.row(h).sum().value() * scale_;
  Decimal position, cost = no_plan;  // walk T~(c) from c = 0
  std::vector<Decimal> state_slopes;
  for (std::size_t s = 0; s <= classes(); ++s) state_slopes.push_back(slope_of_state(s));
  std::size_t i = 0;
  while (i < events.size()) {
    const Decimal next = events[i].position;
    const Int128 key = events[i].key;
    const Decimal cost_at_next = cost + slope * (next - position);
    if (cost_at_next > no_plan) break;  // the saving turns negative before `next`
    position = next;
    cost = cost_at_next;
    for (; i < events.size() && events[i].key == key; ++i)
      slope += state_slopes[events[i].to] - state_slopes[events[i].from];
  }
  // On the segment from `position` the cost rises with `slope` > 0 (or the saving is already zero).
  if (cost == no_plan || !(slope > Decimal())) {
    if (exact) *exact = true;
    return position;
  }
  return position + carried_quotient_floor(no_plan - cost, slope, exact);
}

}  // namespace costproof
