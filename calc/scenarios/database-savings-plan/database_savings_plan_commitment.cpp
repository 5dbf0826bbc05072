#include "scenarios/database-savings-plan/database_savings_plan_commitment.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "core/rounding_policy.h"

namespace costproof {

// One breakpoint: at `position` dollars of commitment, one hour's next cent moves from
// covering class `from` to covering class `to` (to == classes() means "goes unused").
struct CommitmentModel::Event {
  Decimal position;
  std::uint32_t from = 0, to = 0;
  Int128 key = 0;  // position x 10^S for a scale S shared by all events: sorting compares integers
};

CommitmentModel::CommitmentModel(std::vector<Decimal> discounts, ExactMatrix on_demand)
    : discounts_(std::move(discounts)), on_demand_(std::move(on_demand)) {
  const Decimal zero, one = Decimal::from_int(1);
  if (discounts_.empty()) throw std::invalid_argument("a commitment model needs at least one discount class");
  if (on_demand_.cols() != static_cast<Eigen::Index>(discounts_.size()))
    throw std::invalid_argument("one column of hourly usage per discount class is needed");
  if (on_demand_.rows() < 1) throw std::invalid_argument("a profile needs at least one hour");
  for (std::size_t k = 0; k < discounts_.size(); ++k) {
    if (discounts_[k] <= zero || discounts_[k] >= one)
      throw std::invalid_argument("a discount must lie strictly between 0 and 1");
    if (k > 0 && discounts_[k] > discounts_[k - 1])
      throw std::invalid_argument("discount classes must be ordered highest discount first");
  }
  for (Eigen::Index h = 0; h < on_demand_.rows(); ++h)
    for (Eigen::Index k = 0; k < on_demand_.cols(); ++k)
      if (on_demand_(h, k).value().is_negative()) throw std::invalid_argument("usage cannot be negative");
  // a_kh = (1 - d_k) u_kh: each column scaled by its plan-rate factor (Eigen diagonal product).
  ExactVector factors(static_cast<Eigen::Index>(discounts_.size()));
  for (std::size_t k = 0; k < discounts_.size(); ++k)
    factors(static_cast<Eigen::Index>(k)) = ExactScalar(one - discounts_[k]);
  discounted_ = on_demand_ * factors.asDiagonal();
  scale_ = one;
  for (const auto& d : discounts_) scale_ = scale_ * (one - d);
  for (std::size_t k = 0; k < discounts_.size(); ++k) {
    Decimal p = one;
    for (std::size_t j = 0; j < discounts_.size(); ++j)
      if (j != k) p = p * (one - discounts_[j]);
    others_product_.push_back(p);
  }
}

Decimal CommitmentModel::slope_of_state(std::size_t state) const {
  // In class k's segment one more dollar of commitment replaces 1/(1 - d_k) dollars of On-Demand
  // usage: slope 1 - 1/(1 - d_k) = -d_k/(1 - d_k), times L = -d_k x product_(j != k) (1 - d_j).
  if (state == classes()) return scale_;  // the dollar goes unused: +1, times L
  return -(discounts_[state] * others_product_[state]);
}

std::vector<CommitmentModel::Event> CommitmentModel::sorted_events() const {
  std::vector<Event> events;
  const auto k_count = static_cast<Eigen::Index>(classes());
  events.reserve(hours() * classes());
  for (Eigen::Index h = 0; h < discounted_.rows(); ++h) {
    Decimal cumulative;
    for (Eigen::Index k = 0; k < k_count; ++k) {
      const Decimal& a = discounted_(h, k).value();
      if (a.is_zero()) continue;
      cumulative += a;
      Eigen::Index next = k + 1;
      while (next < k_count && discounted_(h, next).value().is_zero()) ++next;
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

namespace {

// The state of each hour at a commitment just above 0: its first class with usage, or "unused".
std::vector<std::size_t> initial_counts(const ExactMatrix& discounted, std::size_t classes) {
  std::vector<std::size_t> counts(classes + 1, 0);
  for (Eigen::Index h = 0; h < discounted.rows(); ++h) {
    std::size_t state = classes;
    for (std::size_t k = 0; k < classes; ++k)
      if (!discounted(h, static_cast<Eigen::Index>(k)).value().is_zero()) {
        state = k;
        break;
      }
    ++counts[state];
  }
  return counts;
}

Decimal count_times(std::size_t n, const Decimal& x) { return Decimal::from_int(static_cast<std::int64_t>(n)) * x; }

}  // namespace

CommitmentOutcome CommitmentModel::evaluate(const Decimal& commitment) const {
  if (commitment.is_negative()) throw std::invalid_argument("a commitment cannot be negative");
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
  for (Eigen::Index h = 0; h < discounted_.rows(); ++h) {
    Decimal remaining = commitment, hour_on_demand;
    for (std::size_t k = 0; k < classes(); ++k) {
      const auto col = static_cast<Eigen::Index>(k);
      const Decimal& u = on_demand_(h, col).value();
      const Decimal& a = discounted_(h, col).value();
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
  const Decimal one = Decimal::from_int(1);
  for (std::size_t k = 0; k < classes(); ++k) {
    ClassCoverage& cc = out.classes[k];
    const Sums& s = sums[k];
    cc.discount = discounts_[k];
    cc.on_demand = Money(s.on_demand);
    cc.fully_covered_on_demand = Money(s.full_on_demand);
    cc.fully_covered_discounted = Money(s.full_discounted);
    cc.partial_commitment = Money(s.partial_commitment);
    cc.partial_on_demand = Money(carried_quotient(s.partial_commitment, one - cc.discount, &cc.partial_exact));
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
  return out;
}

Decimal CommitmentModel::scaled_cost(const Decimal& commitment) const {
  if (commitment.is_negative()) throw std::invalid_argument("a commitment cannot be negative");
  Decimal total = count_times(hours(), commitment) * scale_;
  for (Eigen::Index h = 0; h < discounted_.rows(); ++h) {
    Decimal remaining = commitment;
    for (std::size_t k = 0; k < classes(); ++k) {
      const auto col = static_cast<Eigen::Index>(k);
      const Decimal& a = discounted_(h, col).value();
      total += on_demand_(h, col).value() * scale_;
      const Decimal covered = remaining >= a ? a : remaining;  // commitment dollars spent on class k
      remaining -= covered;
      total -= covered * others_product_[k];  // L x covered / (1 - d_k)
    }
  }
  return total;
}

std::vector<Decimal> CommitmentModel::candidates() const {
  std::vector<Decimal> out{Decimal()};
  for (const auto& e : sorted_events())
    if (!(e.position == out.back())) out.push_back(e.position);
  return out;
}

OptimumDetail CommitmentModel::optimise() const {
  const auto events = sorted_events();
  std::vector<Decimal> state_slopes;
  for (std::size_t s = 0; s <= classes(); ++s) state_slopes.push_back(slope_of_state(s));
  std::vector<std::size_t> counts = initial_counts(discounted_, classes());
  Decimal slope;
  for (std::size_t s = 0; s <= classes(); ++s) slope += count_times(counts[s], slope_of_state(s));

  OptimumDetail out;
  out.candidates = 1;
  for (std::size_t i = 0; i < events.size(); ++i)
    if (i == 0 || events[i].key != events[i - 1].key) ++out.candidates;
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
  Decimal best;
  for (Eigen::Index h = 0; h < discounted_.rows(); ++h) {
    const Decimal total = discounted_.row(h).sum().value();
    if (total > best) best = total;
  }
  return best;
}

Decimal CommitmentModel::break_even_commitment(bool* exact) const {
  const auto events = sorted_events();
  std::vector<std::size_t> counts = initial_counts(discounted_, classes());
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
