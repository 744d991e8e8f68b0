#!/usr/bin/env python3
"""Golden values for the cxkit statistics tests, computed independently of the Java code.

Regenerate with (from the repository root):

    python3 cx-core/src/test/python/golden_stats.py \
        > cx-core/src/test/java/dev/cxkit/core/stats/GoldenValues.java

Requires scipy (>= 1.11) and mpmath. Nothing here calls or mirrors the Java implementation:

* normal CDF / quantile: scipy.stats.norm, each value cross-checked against mpmath at 40 digits;
* Student t CDF / quantile: scipy.stats.t (Boost), each value cross-checked against mpmath
  (numerical integration of the t density at 30 digits); where scipy disagrees with mpmath the
  mpmath value is used (scipy's t.cdf loses digits for tiny |t| at df = 1, for example);
* NPS Wald and adjusted Wald (Rocks 2016): the textbook formulas;
* NPS score interval (Tango 1998): the restricted MLE of the detractor share is found by
  solving the *likelihood equation itself* with scipy.optimize.brentq (not Tango's quadratic,
  which the Java code uses; the quadratic is only cross-checked here), then each limit is a
  brentq root of Z(delta) = +-z;
* Wilson, Wald, two-proportion z-test: the textbook formulas in plain Python; the NPS comparison's
  p-value is the pooled (score) test of no difference, also checked against R 4.2.2 by hand;
* Student t interval: scipy.stats.t.ppf; Welch: scipy.stats.ttest_ind_from_stats(equal_var=False)
  for the statistic and p-value, the Welch-Satterthwaite df by hand;
* sample sizes: the textbook formulas with scipy.stats.norm.ppf.

Output: a Java source file (class GoldenValues) with one double[][] per table; every row is
documented by a comment naming its columns.
"""

import math
import sys

import mpmath
import scipy
from scipy import optimize, stats

mpmath.mp.dps = 40

OUT = []


def emit(line=""):
    OUT.append(line)


def j(x):
    """A Java double literal that round-trips (Python repr is the shortest round-trip form)."""
    if isinstance(x, bool):
        raise TypeError(x)
    x = float(x)
    if math.isinf(x):
        return "Double.POSITIVE_INFINITY" if x > 0 else "Double.NEGATIVE_INFINITY"
    r = repr(x)
    return r


def table(name, columns, rows):
    emit(f"    /** Columns: {', '.join(columns)}. */")
    emit(f"    static final double[][] {name} = {{")
    for row in rows:
        emit("        {" + ", ".join(j(v) for v in row) + "},")
    emit("    };")
    emit()


# ----------------------------------------------------------------------------- distributions

def mp_ncdf(x):
    return mpmath.ncdf(mpmath.mpf(x))


def mp_t_tail(a, df):
    """P(T > a) for a >= 0 in 30-digit arithmetic: 0.5 * I_x(df/2, 1/2) with x = df/(df + a^2)
    (Abramowitz and Stegun 26.7.1) by mpmath.betainc; where mpmath's hypergeometric series
    does not converge (large df) by integrating the density on a grid finer than its decay
    length (df + a^2)/((df + 1) a)."""
    with mpmath.workdps(30):
        a = mpmath.mpf(abs(a))
        df = mpmath.mpf(df)
        try:
            x = df / (df + a * a)
            return mpmath.betainc(df / 2, mpmath.mpf(1) / 2, 0, x, regularized=True) / 2
        except mpmath.libmp.NoConvergence:
            pass
        c = mpmath.exp(mpmath.loggamma((df + 1) / 2) - mpmath.loggamma(df / 2)) / mpmath.sqrt(df * mpmath.pi)
        f = lambda s: c * mpmath.exp(-(df + 1) / 2 * mpmath.log1p(s * s / df))
        step = min(mpmath.mpf(1), (df + a * a) / ((df + 1) * a)) if a > 0 else mpmath.mpf(1)
        grid = [a + k * step for k in range(0, 81)] + [mpmath.inf]
        return mpmath.quad(f, grid)


def mp_t_cdf(t, df):
    tail = mp_t_tail(t, df)
    return tail if t < 0 else 1 - tail


def t_cdf(t, df):
    s = float(stats.t.cdf(t, df))
    m = mp_t_cdf(t, df)
    if abs(s - float(m)) > 1e-14 or (t < 0 and m > 0 and abs(s / float(m) - 1) > 1e-12):
        print(f"note: scipy t.cdf({t}, {df}) = {s!r} differs from mpmath {mpmath.nstr(m, 17)}; using mpmath",
              file=sys.stderr)
        return float(m)
    return s


def t_ppf(p, df):
    q = float(stats.t.ppf(p, df))
    # cross-check: mpmath CDF at q must be p within the resolution of q
    m = mp_t_cdf(q, df)
    dens = stats.t.pdf(q, df)
    err = abs(float(m) - p) / dens
    assert err <= 1e-12 * max(1.0, abs(q)), (p, df, q, err)
    return q


NORMAL_X = [-37.5, -30.0, -20.0, -10.0, -8.0, -6.0, -5.657, -5.0, -3.0, -1.959963984540054, -1.5,
            -0.66291, -0.5, -1e-10, 0.0, 1e-10, 0.3, 0.66291, 0.7, 1.0, 1.644853626951472, 2.0,
            3.0, 5.0, 5.657, 6.0, 7.5, 8.0]
rows = []
for x in NORMAL_X:
    s = float(stats.norm.cdf(x))
    m = mp_ncdf(x)
    assert abs(s - float(m)) <= 1e-15 * max(1e-300, float(m)) + 1e-17, (x, s, m)
    rows.append((x, float(m)))
NORMAL_CDF_ROWS = rows

NORMAL_P = [1e-300, 1e-100, 1e-20, 1e-12, 1e-9, 1e-6, 1e-4, 0.001, 0.005, 0.01, 0.025, 0.05, 0.074,
            0.075, 0.076, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 0.9, 0.925, 0.95, 0.975, 0.99, 0.995,
            0.999, 1 - 1e-4, 1 - 1e-6, 1 - 1e-9]
rows = []
for p in NORMAL_P:
    s = float(stats.norm.ppf(p))
    pm = mpmath.mpf(p)  # the exact double value of p
    if p < 0.5:
        m = mpmath.findroot(lambda z: mpmath.ncdf(z) - pm, s, tol=mpmath.mpf(10) ** -35)
    else:
        qm = 1 - pm
        m = mpmath.findroot(lambda z: mpmath.ncdf(-z) - qm, s, tol=mpmath.mpf(10) ** -35)
    assert abs(s - float(m)) <= 1e-14 * max(1, abs(s)), (p, s, m)
    rows.append((p, float(m)))
NORMAL_QUANTILE_ROWS = rows

T_CDF_CASES = [(-1e6, 1), (-1000, 1), (-10, 1), (-1, 1), (-1e-3, 1), (0.5, 1), (3, 1),
               (-50, 1.5), (-2, 1.5), (1.2, 1.5),
               (-100, 2), (-2.5, 2), (0.3, 2),
               (-30, 3), (-3.182446305284263, 3), (1, 3),
               (-6, 7.3), (-2, 7.3), (0.7, 7.3),
               (-2.228138851986274, 10), (-5, 10), (-12, 10), (1.5, 10),
               (-8, 29.5), (-2.045229642132703, 29), (2.5, 29.5),
               (-40, 100), (-6, 100), (-1.98, 100), (0.1, 100),
               (-37, 1999), (-1.8, 1999), (-1.8, 2001), (-5, 2001), (3, 2500.5),
               (-35, 12345.6), (-4.5, 12345.6), (-1.96, 12345.6), (1e-4, 12345.6),
               (-20, 1e5), (-1.96, 1e5), (0.01, 1e5),
               (-10, 1e6), (-4.753424308822899, 1e6), (-1.959966356814107, 1e6), (2.5, 1e6),
               (-8, 1e9), (-1.959963984540054, 1e9), (-5, 1e15), (1.5, 1e15),
               (-6, 1e30), (0.25, 1e30)]
rows = []
for t, df in T_CDF_CASES:
    if df >= 1e20:
        v = float(stats.norm.cdf(t))
    else:
        v = t_cdf(t, df)
    rows.append((t, df, v))
T_CDF_ROWS = rows

T_QUANTILE_CASES = []
for df in [1, 1.5, 2, 3, 4.5, 7.3, 10, 29.5, 100, 1000, 2500.5, 12345.6, 1e5, 1e6]:
    for p in [1e-6, 1e-4, 0.005, 0.025, 0.1, 0.4, 0.6, 0.9, 0.975, 0.995, 1 - 1e-6]:
        T_QUANTILE_CASES.append((p, df))
T_QUANTILE_CASES += [(0.025, 0.5), (0.9, 0.5), (1e-6, 0.3), (0.975, 1e9), (1e-6, 1e12)]
rows = []
for p, df in T_QUANTILE_CASES:
    rows.append((p, df, t_ppf(p, df)))
T_QUANTILE_ROWS = rows

# ----------------------------------------------------------------------------- NPS

CONFIDENCES = [0.8, 0.9, 0.95, 0.99]


def z_of(conf):
    return float(stats.norm.ppf(1 - (1 - conf) / 2))


def nps_wald(P, Pa, D, conf):
    n = P + Pa + D
    p, d = P / n, D / n
    est = p - d
    var = max(0.0, p + d - est * est)
    h = z_of(conf) * math.sqrt(var / n)
    return max(-100.0, 100 * (est - h)), min(100.0, 100 * (est + h))


def nps_adjusted_wald(P, Pa, D, conf):
    return nps_wald(P + 0.75, Pa + 1.5, D + 0.75, conf)


def restricted_q_by_likelihood(delta, P, Pa, D):
    """argmax over q of P log(q + delta) + D log q + Pa log(1 - 2q - delta), by solving the
    likelihood equation (all three counts > 0 here) with bisection in 40-digit arithmetic."""
    delta = mpmath.mpf(delta)
    lo = max(mpmath.mpf(0), -delta)
    hi = (1 - delta) / 2

    def score(q):
        return P / (q + delta) + D / q - 2 * Pa / (1 - 2 * q - delta)

    span = hi - lo
    a = lo + span * mpmath.mpf(10) ** -20
    b = hi - span * mpmath.mpf(10) ** -20
    assert score(a) > 0 > score(b)
    for _ in range(200):  # the score is decreasing in q
        m = (a + b) / 2
        if score(m) > 0:
            a = m
        else:
            b = m
    return float((a + b) / 2)


def restricted_q_by_quadratic(delta, P, Pa, D):
    """Tango's closed form, only to cross-check the likelihood solution."""
    n = P + Pa + D
    A = 2 * n
    B = -(P + D) + (2 * n - P + D) * delta
    C = -D * delta * (1 - delta)
    return (-B + math.sqrt(B * B - 4 * A * C)) / (2 * A)


def tango_z(delta, P, Pa, D):
    n = P + Pa + D
    q = restricted_q_by_likelihood(delta, P, Pa, D)
    return (P - D - n * delta) / math.sqrt(n * (2 * q + delta * (1 - delta)))


def nps_score(P, Pa, D, conf):
    n = P + Pa + D
    z = z_of(conf)
    est = (P - D) / n
    # bracket each limit by stepping out from the estimate (Z is decreasing in delta)
    step = 1e-3
    lo = est - step
    while tango_z(lo, P, Pa, D) < z:
        step *= 2
        lo = max(-1 + 1e-12, est - step)
    step = 1e-3
    hi = est + step
    while tango_z(hi, P, Pa, D) > -z:
        step *= 2
        hi = min(1 - 1e-12, est + step)
    lower = optimize.brentq(lambda x: tango_z(x, P, Pa, D) - z, lo, est, xtol=1e-15, rtol=1e-15)
    upper = optimize.brentq(lambda x: tango_z(x, P, Pa, D) + z, est, hi, xtol=1e-15, rtol=1e-15)
    for x in (lower, upper, 0.5 * (lower + est)):
        q1 = restricted_q_by_likelihood(x, P, Pa, D)
        q2 = restricted_q_by_quadratic(x, P, Pa, D)
        assert abs(q1 - q2) <= 1e-9, (P, Pa, D, x, q1, q2)
    return 100 * lower, 100 * upper


NPS_CASES = [
    # promoters, passives, detractors, confidence
    (40, 30, 30, 0.95),
    (40, 30, 30, 0.9),
    (50, 30, 20, 0.95),
    (10, 5, 3, 0.95),
    (3, 1, 1, 0.95),
    (1, 1, 1, 0.99),
    (200, 150, 650, 0.95),
    (650, 300, 50, 0.8),
    (97, 2, 1, 0.95),
    (1, 2, 97, 0.95),
    (12.5, 7.25, 4.75, 0.95),
    (0.6, 0.3, 0.1, 0.9),
    (1234.5, 2345.25, 345.125, 0.99),
    (4.0e8, 3.5e8, 2.5e8, 0.95),
    (20, 60, 20, 0.95),
]
rows = []
for P, Pa, D, conf in NPS_CASES:
    n = P + Pa + D
    nps = 100 * (P - D) / n
    wl, wu = nps_wald(P, Pa, D, conf)
    al, au = nps_adjusted_wald(P, Pa, D, conf)
    sl, su = nps_score(P, Pa, D, conf)
    rows.append((P, Pa, D, conf, nps, wl, wu, al, au, sl, su))
NPS_ROWS = rows

# Closed forms at the edges (Tango's Z reduces to a Wilson-like expression there).
NPS_SCORE_EDGE_ROWS = []
for n, conf in [(1, 0.95), (7, 0.95), (50, 0.9), (1000, 0.99)]:
    z = z_of(conf)
    all_promoters_lower = 100 * (n - z * z) / (n + z * z)
    all_passives_upper = 100 * z * z / (n + z * z)
    NPS_SCORE_EDGE_ROWS.append((n, conf, all_promoters_lower, all_passives_upper))


def nps_exact(a, b):
    """The permutation (conditional multivariate hypergeometric) p-value of the NPS difference."""
    (PA, PaA, DA), (PB, PaB, DB) = [tuple(int(v) for v in x) for x in (a, b)]
    P, Pa, D = PA + PB, PaA + PaB, DA + DB
    nA, nB = PA + PaA + DA, PB + PaB + DB
    obs = abs((PA - DA) / nA - (PB - DB) / nB)
    total = extreme = 0.0
    for x in range(0, min(P, nA) + 1):
        for z in range(max(0, nA - x - Pa), min(D, nA - x) + 1):
            y = nA - x - z
            pr = math.comb(P, x) * math.comb(Pa, y) * math.comb(D, z) / math.comb(P + Pa + D, nA)
            total += pr
            if abs((x - z) / nA - ((P - x) - (D - z)) / nB) >= obs * (1 - 1e-7) - 1e-12:
                extreme += pr
    return extreme / total


def nps_compare(a, b, method, conf):
    (PA, PaA, DA), (PB, PaB, DB) = a, b
    nA, nB = PA + PaA + DA, PB + PaB + DB
    plain = 100 * (PA - DA) / nA - 100 * (PB - DB) / nB
    if method == "adjusted":
        PA, PaA, DA, PB, PaB, DB = PA + .75, PaA + 1.5, DA + .75, PB + .75, PaB + 1.5, DB + .75
        nA, nB = nA + 3, nB + 3
    pA, dA, pB, dB = PA / nA, DA / nA, PB / nB, DB / nB
    vA = pA + dA - (pA - dA) ** 2
    vB = pB + dB - (pB - dB) ** 2
    se = 100 * math.sqrt(vA / nA + vB / nB)
    centre = 100 * ((pA - dA) - (pB - dB)) if method == "adjusted" else plain
    # the p-value: the score (pooled) test of no difference, on the plain counts
    (PA0, PaA0, DA0), (PB0, PaB0, DB0) = a, b
    nA0, nB0 = PA0 + PaA0 + DA0, PB0 + PaB0 + DB0
    p0, d0 = (PA0 + PB0) / (nA0 + nB0), (DA0 + DB0) / (nA0 + nB0)
    se0 = 100 * math.sqrt((p0 + d0 - (p0 - d0) ** 2) * (1 / nA0 + 1 / nB0))
    if se0 == 0:
        pv = 1.0
    else:
        pv = 2 * float(stats.norm.sf(abs(plain / se0)))
    if all(float(v).is_integer() for v in (*a, *b)) and min(nA0, nB0) <= 100:
        pv = nps_exact(a, b)
    z = z_of(conf)
    lo, hi = max(-200.0, centre - z * se), min(200.0, centre + z * se)
    return plain, se, lo, hi, pv


NPS_COMPARE_CASES = [
    ((40, 30, 30), (30, 30, 40), 0.95),
    ((50, 30, 20), (45, 30, 25), 0.95),
    ((10, 5, 3), (4, 6, 8), 0.9),
    ((120.5, 80.25, 60.75), (98, 70, 90), 0.99),
    ((5, 0, 0), (0, 0, 5), 0.95),
    ((400000, 300000, 300000), (399000, 301000, 300000), 0.95),
]
rows = []
for a, b, conf in NPS_COMPARE_CASES:
    for code, method in ((1.0, "adjusted"), (0.0, "wald")):
        d, se, lo, hi, pv = nps_compare(a, b, method, conf)
        rows.append((*a, *b, conf, code, d, se, lo, hi, pv))
NPS_COMPARE_ROWS = rows

# ----------------------------------------------------------------------------- proportions


def wilson(x, n, conf):
    z = z_of(conf)
    p = x / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def wald_share(x, n, conf):
    z = z_of(conf)
    p = x / n
    half = z * math.sqrt(p * (1 - p) / n)
    return max(0.0, p - half), min(1.0, p + half)


PROPORTION_CASES = [(0, 10, 0.95), (1, 10, 0.95), (5, 10, 0.95), (10, 10, 0.95), (81, 100, 0.95),
                    (81, 100, 0.9), (3.5, 7.25, 0.8), (1, 1, 0.99), (999, 1000, 0.99),
                    (730000000, 1000000000, 0.95)]
rows = []
for x, n, conf in PROPORTION_CASES:
    rows.append((x, n, conf, *wilson(x, n, conf), *wald_share(x, n, conf)))
PROPORTION_ROWS = rows


def two_proportion(xa, na, xb, nb, conf):
    pa, pb = xa / na, xb / nb
    diff = pa - pb
    pooled = (xa + xb) / (na + nb)
    se_pooled = math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb))
    se = math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb)
    if se_pooled == 0:
        pv = 1.0 if diff == 0 else 0.0
    else:
        pv = 2 * float(stats.norm.sf(abs(diff) / se_pooled))
    z = z_of(conf)
    return diff, se, max(-1.0, diff - z * se), min(1.0, diff + z * se), pv


TWO_PROPORTION_CASES = [(81, 100, 70, 100, 0.95), (45, 60, 30, 55, 0.9), (10, 10, 5, 10, 0.95),
                        (0, 20, 0, 30, 0.95), (12.5, 20.5, 30.25, 41, 0.99),
                        (520000, 1000000, 519000, 1000000, 0.95)]
TWO_PROPORTION_ROWS = [(*c, *two_proportion(*c)) for c in TWO_PROPORTION_CASES]

# ----------------------------------------------------------------------------- means


def t_interval(mean, var, n, conf):
    half = float(stats.t.ppf(1 - (1 - conf) / 2, n - 1)) * math.sqrt(var / n)
    return mean - half, mean + half


T_INTERVAL_CASES = [(5.2, 1.44, 30, 0.95), (5.2, 1.44, 2, 0.95), (3.9, 2.25, 11, 0.9),
                    (6.1, 0.81, 250.5, 0.99), (4.4, 1.7, 1e6, 0.95), (2.0, 0.0, 5, 0.95)]
T_INTERVAL_ROWS = [(*c, *t_interval(*c)) for c in T_INTERVAL_CASES]


def welch(ma, va, na, mb, vb, nb, conf):
    a, b = va / na, vb / nb
    se = math.sqrt(a + b)
    df = (a + b) ** 2 / (a * a / (na - 1) + b * b / (nb - 1))
    res = stats.ttest_ind_from_stats(ma, math.sqrt(va), na, mb, math.sqrt(vb), nb, equal_var=False)
    # ttest_ind_from_stats takes integer-like nobs; it computes the same df internally
    assert abs(res.statistic - (ma - mb) / se) <= 1e-12 * max(1, abs(res.statistic))
    pv = float(res.pvalue)
    tc = float(stats.t.ppf(1 - (1 - conf) / 2, df))
    return ma - mb, se, df, ma - mb - tc * se, ma - mb + tc * se, pv


WELCH_CASES = [(5.2, 1.44, 30, 4.8, 2.25, 45, 0.95), (5.2, 1.44, 3, 4.1, 0.25, 8, 0.95),
               (6.0, 0.5, 100, 6.0, 0.7, 120, 0.95), (4.0, 2.0, 12, 5.5, 1.0, 1000, 0.9),
               (3.3, 1.1, 500000, 3.301, 1.2, 400000, 0.99), (5.0, 0.0, 10, 4.0, 1.0, 20, 0.95)]
WELCH_ROWS = [(*c, *welch(*c)) for c in WELCH_CASES]

# ----------------------------------------------------------------------------- sample sizes


def ceil1(x):
    return max(1, math.ceil(x))


SAMPLE_NPS_HALF = [(5, 0.5, 0.2, 0.95), (10, 0.4, 0.3, 0.9), (3, 0.6, 0.1, 0.99), (1, 0.33, 0.33, 0.95),
                   (2.5, 0.25, 0.5, 0.8)]
rows = []
for h, p, d, conf in SAMPLE_NPS_HALF:
    var = p + d - (p - d) ** 2
    rows.append((h, p, d, conf, ceil1(z_of(conf) ** 2 * var / (h / 100) ** 2)))
SAMPLE_NPS_HALF_ROWS = rows

SAMPLE_NPS_DIFF = [(10, 0.5, 0.2, 0.95, 0.8), (5, 0.4, 0.3, 0.95, 0.9), (-8, 0.6, 0.1, 0.9, 0.8),
                   (20, 0.3, 0.3, 0.99, 0.95)]
rows = []
for delta, p, d, conf, power in SAMPLE_NPS_DIFF:
    var = p + d - (p - d) ** 2
    zs = z_of(conf) + float(stats.norm.ppf(power))
    rows.append((delta, p, d, conf, power, ceil1(zs ** 2 * 2 * var / (delta / 100) ** 2)))
SAMPLE_NPS_DIFF_ROWS = rows

SAMPLE_PROP = [(0.05, 0.5, 0.95), (0.03, 0.8, 0.95), (0.01, 0.5, 0.99), (0.1, 0.3, 0.9)]
SAMPLE_PROP_ROWS = [(h, p, c, ceil1(z_of(c) ** 2 * p * (1 - p) / h ** 2)) for h, p, c in SAMPLE_PROP]

SAMPLE_MEAN = [(0.1, 1.2, 0.95), (0.25, 1.5, 0.9), (0.05, 0.8, 0.99)]
SAMPLE_MEAN_ROWS = [(h, s, c, ceil1(z_of(c) ** 2 * s * s / h ** 2)) for h, s, c in SAMPLE_MEAN]

# ----------------------------------------------------------------------------- output

emit("package dev.cxkit.core.stats;")
emit()
emit("/**")
emit(" * Golden values for the statistics tests. GENERATED by cx-core/src/test/python/golden_stats.py")
emit(f" * (scipy {scipy.__version__}, mpmath {mpmath.__version__}); do not edit by hand, regenerate.")
emit(" */")
emit("final class GoldenValues {")
emit("    private GoldenValues() {}")
emit()
table("NORMAL_CDF", ["x", "Phi(x)"], NORMAL_CDF_ROWS)
table("NORMAL_QUANTILE", ["p", "Phi^-1(p)"], NORMAL_QUANTILE_ROWS)
table("T_CDF", ["t", "df", "P(T <= t)"], T_CDF_ROWS)
table("T_QUANTILE", ["p", "df", "t quantile"], T_QUANTILE_ROWS)
table("NPS", ["promoters", "passives", "detractors", "confidence", "nps", "wald lower", "wald upper",
              "adjusted-wald lower", "adjusted-wald upper", "score lower", "score upper"], NPS_ROWS)
table("NPS_SCORE_EDGES", ["n", "confidence", "all-promoters score lower = 100(n - z^2)/(n + z^2)",
                          "all-passives score upper = 100 z^2/(n + z^2)"], NPS_SCORE_EDGE_ROWS)
table("NPS_COMPARE", ["promotersA", "passivesA", "detractorsA", "promotersB", "passivesB", "detractorsB",
                      "confidence", "method (1 adjusted-wald, 0 wald)", "difference", "standard error",
                      "lower", "upper", "p-value"], NPS_COMPARE_ROWS)
table("PROPORTION", ["successes", "trials", "confidence", "wilson lower", "wilson upper", "wald lower",
                     "wald upper"], PROPORTION_ROWS)
table("TWO_PROPORTION", ["successesA", "trialsA", "successesB", "trialsB", "confidence", "difference",
                         "unpooled standard error", "lower", "upper", "p-value (pooled)"], TWO_PROPORTION_ROWS)
table("T_INTERVAL", ["mean", "sample variance", "n", "confidence", "lower", "upper"], T_INTERVAL_ROWS)
table("WELCH", ["meanA", "varianceA", "nA", "meanB", "varianceB", "nB", "confidence", "difference",
                "standard error", "df", "lower", "upper", "p-value"], WELCH_ROWS)
table("SAMPLE_NPS_HALF_WIDTH", ["half-width points", "promoter share", "detractor share", "confidence", "n"],
      SAMPLE_NPS_HALF_ROWS)
table("SAMPLE_NPS_DIFFERENCE", ["difference points", "promoter share", "detractor share", "confidence", "power",
                                "n per group"], SAMPLE_NPS_DIFF_ROWS)
table("SAMPLE_PROPORTION", ["half-width", "p", "confidence", "n"], SAMPLE_PROP_ROWS)
table("SAMPLE_MEAN", ["half-width", "standard deviation", "confidence", "n"], SAMPLE_MEAN_ROWS)
emit("}")
print("\n".join(OUT))
