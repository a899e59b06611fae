#include "inference/temporal.h"

#include "inference/proposals.h"

#include <algorithm>

namespace vigie::inference {

std::map<std::int64_t, std::vector<Detection>> seqNms(const std::map<std::int64_t, std::vector<Detection>> &frames,
                                                      const TemporalOptions &options)
{
    // Nodes: every detection, frame by frame, in the frames' order.
    struct Node
    {
        std::size_t frame = 0; ///< index into `order`
        Detection detection;
        bool alive = true;
        std::vector<std::size_t> next; ///< linked nodes on the next processed frame
    };
    std::vector<std::int64_t> order;
    std::vector<std::vector<std::size_t>> nodesOf; // per frame index
    std::vector<Node> nodes;
    for (const auto &[frame, list] : frames) {
        order.push_back(frame);
        nodesOf.emplace_back();
        for (const Detection &d : list) {
            nodesOf.back().push_back(nodes.size());
            nodes.push_back({order.size() - 1, d, true, {}});
        }
    }
    for (std::size_t f = 0; f + 1 < order.size(); ++f) {
        if (order[f + 1] - order[f] > options.maxGapFrames)
            continue;
        for (std::size_t a : nodesOf[f])
            for (std::size_t b : nodesOf[f + 1])
                if (iou(nodes[a].detection.box, nodes[b].detection.box) >= options.linkIou)
                    nodes[a].next.push_back(b);
    }

    std::map<std::int64_t, std::vector<Detection>> out;
    for (std::int64_t frame : order)
        out[frame];
    std::vector<double> best(nodes.size());
    std::vector<std::ptrdiff_t> follow(nodes.size());
    for (;;) {
        // The chain with the largest total score among the living nodes, from the last frame back.
        std::ptrdiff_t head = -1;
        for (std::size_t i = nodes.size(); i-- > 0;) {
            follow[i] = -1;
            best[i] = 0;
            if (!nodes[i].alive)
                continue;
            best[i] = nodes[i].detection.score;
            for (std::size_t j : nodes[i].next) {
                if (nodes[j].alive && nodes[i].detection.score + best[j] > best[i]) {
                    best[i] = nodes[i].detection.score + best[j];
                    follow[i] = std::ptrdiff_t(j);
                }
            }
            if (head < 0 || best[i] > best[size_t(head)])
                head = std::ptrdiff_t(i);
        }
        if (head < 0)
            break;
        std::vector<std::size_t> chain;
        for (std::ptrdiff_t i = head; i >= 0; i = follow[size_t(i)])
            chain.push_back(size_t(i));
        double mean = 0;
        for (std::size_t i : chain)
            mean += nodes[i].detection.score;
        mean /= double(chain.size());
        for (std::size_t i : chain) {
            Node &n = nodes[i];
            n.alive = false;
            Detection d = n.detection;
            d.score = options.chainWeight * mean + (1 - options.chainWeight) * d.score;
            // What the chain's box overlaps on its frame is the same object, or a worse guess.
            for (std::size_t k : nodesOf[n.frame]) {
                if (nodes[k].alive && iou(nodes[k].detection.box, d.box) >= options.suppressIou) {
                    nodes[k].alive = false;
                    if (options.keepSuppressed) {
                        Detection s = nodes[k].detection;
                        s.score *= 0.1;
                        out[order[n.frame]].push_back(s);
                    }
                }
            }
            out[order[n.frame]].push_back(d);
        }
    }
    for (auto &[frame, list] : out)
        std::sort(list.begin(), list.end(), [](const Detection &a, const Detection &b) { return a.score > b.score; });
    return out;
}

} // namespace vigie::inference
