#include "claims/expression.h"

#include <cctype>

#include "core/format.h"
#include "core/rounding_policy.h"

namespace costproof {
namespace {

Int128 checked_mul(Int128 a, Int128 b) {
  Int128 out = 0;
  if (__builtin_mul_overflow(a, b, &out))
    throw OverflowError("number too large for exact arithmetic (multiplication) in a claim check");
  return out;
}

Int128 checked_add(Int128 a, Int128 b) {
  Int128 out = 0;
  if (__builtin_add_overflow(a, b, &out))
    throw OverflowError("number too large for exact arithmetic (addition) in a claim check");
  return out;
}

Int128 gcd(Int128 a, Int128 b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    const Int128 t = a % b;
    a = b;
    b = t;
  }
  return a == 0 ? 1 : a;
}

std::string int128_text(Int128 v) {
  if (v == 0) return "0";
  const bool negative = v < 0;
  UInt128 u = negative ? static_cast<UInt128>(-(v + 1)) + 1 : static_cast<UInt128>(v);
  std::string digits;
  while (u > 0) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  }
  return negative ? "-" + digits : digits;
}

Int128 pow10(int n) {
  Int128 out = 1;
  for (int i = 0; i < n; ++i) out = checked_mul(out, 10);
  return out;
}

}  // namespace

Rational::Rational(Int128 num, Int128 den) {
  if (den == 0) throw DecimalError("division by zero in a claim check");
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const Int128 g = gcd(num, den);
  num_ = num / g;
  den_ = den / g;
}

Rational Rational::from_decimal(const Decimal& value) {
  const std::string text = value.to_string();
  Int128 coefficient = 0;
  int scale = 0;
  bool after_point = false;
  for (const char c : text) {
    if (c == '-') continue;
    if (c == '.') {
      after_point = true;
      continue;
    }
    coefficient = checked_add(checked_mul(coefficient, 10), c - '0');
    if (after_point) ++scale;
  }
  if (value.is_negative()) coefficient = -coefficient;
  return Rational(coefficient, pow10(scale));
}

Rational Rational::from_int(std::int64_t value) { return Rational(value, 1); }

Rational Rational::operator+(const Rational& o) const {
  const Int128 g = gcd(den_, o.den_);
  const Int128 left = checked_mul(num_, o.den_ / g);
  const Int128 right = checked_mul(o.num_, den_ / g);
  return Rational(checked_add(left, right), checked_mul(den_, o.den_ / g));
}

Rational Rational::operator-() const { return Rational(-num_, den_); }

Rational Rational::operator-(const Rational& o) const { return *this + (-o); }

Rational Rational::operator*(const Rational& o) const {
  const Int128 g1 = gcd(num_, o.den_);
  const Int128 g2 = gcd(o.num_, den_);
  return Rational(checked_mul(num_ / g1, o.num_ / g2), checked_mul(den_ / g2, o.den_ / g1));
}

Rational Rational::operator/(const Rational& o) const {
  if (o.num_ == 0) throw DecimalError("division by zero in a claim check");
  return *this * Rational(o.den_, o.num_);
}

std::strong_ordering Rational::operator<=>(const Rational& o) const {
  const Int128 left = checked_mul(num_, o.den_);
  const Int128 right = checked_mul(o.num_, den_);
  if (left < right) return std::strong_ordering::less;
  if (left > right) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

std::optional<Decimal> Rational::exact_decimal() const {
  Int128 rest = den_;
  int twos = 0, fives = 0;
  while (rest % 2 == 0) {
    rest /= 2;
    ++twos;
  }
  while (rest % 5 == 0) {
    rest /= 5;
    ++fives;
  }
  if (rest != 1) return std::nullopt;
  const int places = std::max(twos, fives);
  if (places > kMaxDecimalScale) return std::nullopt;
  const Int128 scaled = checked_mul(num_, pow10(places) / den_);
  std::string digits = int128_text(scaled < 0 ? -scaled : scaled);
  if (places > 0) {
    if (static_cast<int>(digits.size()) <= places)
      digits.insert(0, static_cast<std::size_t>(places) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<std::size_t>(places), ".");
  }
  return Decimal::parse((scaled < 0 ? "-" : "") + digits).normalized();
}

Decimal Rational::numerator() const { return Decimal::parse(int128_text(num_)); }
Decimal Rational::denominator() const { return Decimal::parse(int128_text(den_)); }

Decimal Rational::divided(int places, RoundingMode mode) const {
  return Decimal::divide(numerator(), denominator(), places, mode);
}

std::string DisplayedValue::equals_text() const {
  if (exact) return "= " + text;
  return "≈ " + text + " (" + rounding_note + ")";
}

DisplayedValue display(const Rational& value, DisplayUnit unit) {
  DisplayedValue out;
  if (const auto exact = value.exact_decimal()) {
    out.shown = *exact;
    out.exact = true;
    out.text = unit == DisplayUnit::kUsd ? format_usd_exact(*exact) : format_number(*exact);
    return out;
  }
  out.exact = false;
  switch (unit) {
    case DisplayUnit::kPercent:
      // percent_of(part, whole) is part × 100 ÷ whole: with whole = den × 100 it rounds num ÷ den.
      out.shown = percent_of(value.numerator(), value.denominator() * Decimal::from_int(100));
      out.text = group_thousands(out.shown);
      out.rounding_note = "rounded to 0.1 point";
      break;
    case DisplayUnit::kUsd:
      out.shown = value.divided(kDisplayRounding.money_places, kDisplayRounding.money_mode);
      out.text = format_usd_rounded(out.shown);
      out.rounding_note = "rounded to the cent";
      break;
    case DisplayUnit::kPlain:
      out.shown = ratio_of(value.numerator(), value.denominator());
      out.text = group_thousands(out.shown);
      out.rounding_note = "rounded to " + std::to_string(kDisplayRounding.ratio_places) + " places";
      break;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Expressions

struct Expression::Node {
  enum class Kind { kNumber, kName, kNegate, kAdd, kSubtract, kMultiply, kDivide, kParens };
  Kind kind = Kind::kNumber;
  Decimal number;    // kNumber
  std::string name;  // kName
  std::shared_ptr<const Node> left, right;  // right unused for kNegate / kParens
};

namespace {

using Node = Expression::Node;
using NodePtr = std::shared_ptr<const Node>;

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  NodePtr parse_all() {
    if (text_.size() > kMaxExpressionLength)
      throw ExpressionError("the expression is " + std::to_string(text_.size()) + " characters long; at most " +
                            std::to_string(kMaxExpressionLength) +
                            " are allowed (a claim check needs a few operands): split it into simpler readings");
    NodePtr n = sum();
    skip_space();
    if (pos_ != text_.size()) fail("unexpected \"" + std::string(1, text_[pos_]) + "\"");
    return n;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw ExpressionError("in expression \"" + std::string(text_) + "\" at character " + std::to_string(pos_ + 1) +
                          ": " + what + " (allowed: numbers, operand names, + - * / and parentheses)");
  }
  void skip_space() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
  }
  bool accept(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  static NodePtr make(Node::Kind kind, NodePtr left, NodePtr right = nullptr) {
    auto n = std::make_shared<Node>();
    n->kind = kind;
    n->left = std::move(left);
    n->right = std::move(right);
    return n;
  }
  NodePtr sum() {
    NodePtr left = product();
    while (true) {
      if (accept('+')) left = make(Node::Kind::kAdd, left, product());
      else if (accept('-')) left = make(Node::Kind::kSubtract, left, product());
      else return left;
    }
  }
  NodePtr product() {
    NodePtr left = factor();
    while (true) {
      if (accept('*')) left = make(Node::Kind::kMultiply, left, factor());
      else if (accept('/')) left = make(Node::Kind::kDivide, left, factor());
      else return left;
    }
  }
  NodePtr factor() {
    skip_space();
    if (pos_ >= text_.size()) fail("the expression ends too early");
    if (accept('-')) {
      const Nested nested(*this);
      return make(Node::Kind::kNegate, factor());
    }
    if (accept('(')) {
      const Nested nested(*this);
      NodePtr inner = sum();
      if (!accept(')')) fail("expected \")\"");
      return make(Node::Kind::kParens, inner);
    }
    const char c = text_[pos_];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      const std::size_t start = pos_;
      while (pos_ < text_.size() &&
             (std::isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.'))
        ++pos_;
      auto n = std::make_shared<Node>();
      n->kind = Node::Kind::kNumber;
      try {
        n->number = Decimal::parse(text_.substr(start, pos_ - start));
      } catch (const DecimalError& e) {
        fail(std::string("bad number: ") + e.what());
      }
      return n;
    }
    if (std::islower(static_cast<unsigned char>(c)) || c == '_') {
      const std::size_t start = pos_;
      while (pos_ < text_.size() && (std::islower(static_cast<unsigned char>(text_[pos_])) ||
                                     std::isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_'))
        ++pos_;
      auto n = std::make_shared<Node>();
      n->kind = Node::Kind::kName;
      n->name = std::string(text_.substr(start, pos_ - start));
      return n;
    }
    fail("unexpected \"" + std::string(1, c) + "\"");
  }

  // One level of "(" or unary "-" for as long as it lives; refuses the level past kMaxExpressionDepth.
  struct Nested {
    explicit Nested(Parser& p) : parser(p) {
      if (++parser.depth_ > kMaxExpressionDepth)
        parser.fail("parentheses and minus signs nest more than " + std::to_string(kMaxExpressionDepth) +
                    " levels deep; write a simpler expression");
    }
    ~Nested() { --parser.depth_; }
    Nested(const Nested&) = delete;
    Nested& operator=(const Nested&) = delete;
    Parser& parser;
  };

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;  // "(" and unary "-" open around pos_
};

std::string render_node(const Node& n, const std::map<std::string, std::string>& texts);

void collect_names(const Node& n, std::vector<std::string>& out) {
  if (n.kind == Node::Kind::kName) {
    for (const auto& existing : out)
      if (existing == n.name) return;
    out.push_back(n.name);
    return;
  }
  if (n.left) collect_names(*n.left, out);
  if (n.right) collect_names(*n.right, out);
}

Rational eval(const Node& n, const std::map<std::string, Rational>& values) {
  switch (n.kind) {
    case Node::Kind::kNumber: return Rational::from_decimal(n.number);
    case Node::Kind::kName: {
      const auto it = values.find(n.name);
      if (it == values.end()) throw ExpressionError("no operand named \"" + n.name + "\"");
      return it->second;
    }
    case Node::Kind::kNegate: return -eval(*n.left, values);
    case Node::Kind::kParens: return eval(*n.left, values);
    case Node::Kind::kAdd: return eval(*n.left, values) + eval(*n.right, values);
    case Node::Kind::kSubtract: return eval(*n.left, values) - eval(*n.right, values);
    case Node::Kind::kMultiply: return eval(*n.left, values) * eval(*n.right, values);
    case Node::Kind::kDivide: {
      const Rational divisor = eval(*n.right, values);
      if (divisor == Rational::from_int(0))
        throw ExpressionError("division by zero: the divisor " + render_node(*n.right, {}) + " is 0");
      return eval(*n.left, values) / divisor;
    }
  }
  return {};
}

std::string render_node(const Node& n, const std::map<std::string, std::string>& texts) {
  switch (n.kind) {
    case Node::Kind::kNumber: return format_number(n.number);
    case Node::Kind::kName: {
      const auto it = texts.find(n.name);
      return it == texts.end() ? n.name : it->second;
    }
    case Node::Kind::kNegate: return "−" + render_node(*n.left, texts);
    case Node::Kind::kParens: return "(" + render_node(*n.left, texts) + ")";
    case Node::Kind::kAdd: return render_node(*n.left, texts) + " + " + render_node(*n.right, texts);
    case Node::Kind::kSubtract: return render_node(*n.left, texts) + " − " + render_node(*n.right, texts);
    case Node::Kind::kMultiply: return render_node(*n.left, texts) + " × " + render_node(*n.right, texts);
    case Node::Kind::kDivide: return render_node(*n.left, texts) + " ÷ " + render_node(*n.right, texts);
  }
  return "";
}

}  // namespace

Expression Expression::parse(std::string_view text) {
  Expression e;
  e.text_ = std::string(text);
  e.root_ = Parser(text).parse_all();
  return e;
}

std::vector<std::string> Expression::names() const {
  std::vector<std::string> out;
  if (root_) collect_names(*root_, out);
  return out;
}

Rational Expression::evaluate(const std::map<std::string, Rational>& values) const {
  return eval(*root_, values);
}

std::string Expression::render(const std::map<std::string, std::string>& texts) const {
  return render_node(*root_, texts);
}

}  // namespace costproof
